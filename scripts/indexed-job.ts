// usage: node --import tsx scripts/indexed-job.ts --data DIR [--manifests k8s] [--parallelism P]
//
// Runs k8s/shards-job.yaml and then k8s/merge-job.yaml on this machine, the way Kubernetes runs
// them, to test their contract without a cluster: the Indexed Job's pods are `completions`
// processes (at most `parallelism` at once, or P), each given its container's args and env as
// the manifest writes them, JOB_COMPLETION_INDEX=i as Kubernetes sets it, and a build folder of
// its own (a pod's file system); DIR stands in for the shared volume (its mount path is replaced
// by DIR in args and env). Once every pod has succeeded, the merge Job's container runs the same
// way. The containers' entry point is the image's, make, run here on this checkout's Makefile.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { minimist } from 'zx';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
/** The Dockerfile's ENTRYPOINT and ENV. */
const ENTRYPOINT = ['make'];
const IMAGE_ENV = { CI: 'true' };
/** The claim of k8s/volume.yaml, which DIR stands in for. */
const CLAIM = 'fr-news-data';

interface EnvVar { name: string; value?: string; valueFrom?: unknown }
interface Container { name: string; command?: string[]; args?: string[]; env?: EnvVar[]; volumeMounts?: { name: string; mountPath: string }[] }
interface PodSpec { containers: Container[]; initContainers?: Container[]; volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[] }
export interface JobManifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: PodSpec } };
}

/** The Jobs of a manifest file (a YAML stream of documents). */
export function readJobs(file: string): JobManifest[] {
  return (loadAll(readFileSync(file, 'utf8')) as JobManifest[]).filter((d) => d?.kind === 'Job');
}

/** A process started as the Job's container would be: its command line and environment. */
export interface PodProcess { argv: string[]; env: Record<string, string> }

/**
 * The process of a Job's single container, with the shared volume's mount path replaced by
 * `data`, and JOB_COMPLETION_INDEX for pod `index` of an Indexed Job.
 */
export function podProcess(job: JobManifest, data: string, index: number | null): PodProcess {
  const spec = job.spec.template.spec;
  if (spec.containers.length !== 1 || spec.initContainers?.length) throw new Error(`job ${job.metadata.name}: one container and no init container, please (the S3 manifests are not run here)`);
  const [container] = spec.containers;
  const volume = spec.volumes?.find((v) => v.persistentVolumeClaim?.claimName === CLAIM);
  const mount = container.volumeMounts?.find((m) => m.name === volume?.name);
  if (!mount) throw new Error(`job ${job.metadata.name}: its container does not mount the claim ${CLAIM}`);
  // the mount path, alone or as a make variable's value (DIST=/data/dist), is DIR's
  const mountPath = new RegExp(`(^|=)${mount.mountPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`);
  const local = (s: string) => s.replace(mountPath, (_, before: string) => before + data);
  const env: Record<string, string> = { ...IMAGE_ENV };
  for (const v of container.env ?? []) {
    if (v.value === undefined) throw new Error(`job ${job.metadata.name}: env ${v.name} has no plain value`);
    env[v.name] = local(v.value);
  }
  if (index !== null) env.JOB_COMPLETION_INDEX = String(index);
  return { argv: [...(container.command ?? ENTRYPOINT), ...(container.args ?? []).map(local)], env };
}

/** Runs one pod's process in ROOT (the image's WORKDIR) with a build folder of its own; resolves with its output. */
function runPod(name: string, pod: PodProcess, buildRoot: string): Promise<{ name: string; seconds: number; output: string }> {
  const started = Date.now();
  const [command, ...args] = pod.argv;
  const { JOB_COMPLETION_INDEX: _ignored, ...parent } = process.env;
  return new Promise((resolvePod, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...parent, ...pod.env, BUILD_ROOT: buildRoot } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      if (code === 0) resolvePod({ name, seconds, output });
      else reject(new Error(`${name} failed (exit ${code}) after ${seconds.toFixed(1)} s:\n${output}`));
    });
  });
}

async function main(): Promise<void> {
  const opts = minimist(process.argv.slice(2), { string: ['data', 'manifests', 'parallelism'] });
  if (!opts.data) throw new Error('usage: scripts/indexed-job.ts --data DIR [--manifests k8s] [--parallelism P]');
  const data = resolve(opts.data);
  const manifests = resolve(opts.manifests ?? join(ROOT, 'k8s'));
  const [shards] = readJobs(join(manifests, 'shards-job.yaml'));
  const [merge] = readJobs(join(manifests, 'merge-job.yaml'));
  const { completionMode, completions = 1, parallelism = 1 } = shards.spec;
  if (completionMode !== 'Indexed') throw new Error(`job ${shards.metadata.name} is not an Indexed Job`);
  const pods = mkdtempSync(join(tmpdir(), 'indexed-job-'));
  const started = Date.now();
  // pods start as slots free up, lowest index first, as the Job controller creates them
  let next = 0;
  const slots = Math.min(completions, Number(opts.parallelism ?? parallelism));
  const lane = async () => {
    for (let i = next++; i < completions; i = next++) {
      const buildRoot = join(pods, `shard-${i}`);
      mkdirSync(buildRoot);
      const done = await runPod(`${shards.metadata.name}-${i}`, podProcess(shards, data, i), buildRoot);
      console.error(`${done.name}: succeeded in ${done.seconds.toFixed(1)} s`);
    }
  };
  try {
    await Promise.all(Array.from({ length: slots }, lane));
    const buildRoot = join(pods, 'merge');
    mkdirSync(buildRoot);
    const merged = await runPod(merge.metadata.name, podProcess(merge, data, null), buildRoot);
    console.error(`${merged.name}: succeeded in ${merged.seconds.toFixed(1)} s`);
  } finally {
    // the pods' file systems
    rmSync(pods, { recursive: true, force: true });
  }
  console.error(`indexed job: ${completions} shards (${slots} at a time), then the merge, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
