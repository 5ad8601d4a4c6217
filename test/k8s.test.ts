// Issue 17: the container file and the Kubernetes manifests of k8s/ hold together. No cluster
// runs here: the manifests are parsed and checked for the fields Kubernetes requires and for
// the contract between them and the Makefile (an Indexed Job's index is the shard); the
// Indexed Job itself is run on this machine by test/scale.test.ts (scripts/indexed-job.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { podProcess, readJobs, type JobManifest } from '../scripts/indexed-job.ts';
import { ROOT } from './helpers.ts';

const K8S = join(ROOT, 'k8s');
const IMAGE = 'fr-news-open-data:latest';

interface Container { name: string; image: string; command?: string[]; args?: string[]; env?: { name: string; value?: string }[]; envFrom?: { secretRef?: { name: string } }[]; volumeMounts?: { name: string; mountPath: string }[] }
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown> & { template?: { spec: { restartPolicy?: string; containers: Container[]; initContainers?: Container[]; volumes?: { name: string; persistentVolumeClaim?: { claimName: string }; emptyDir?: object }[] } } };
  stringData?: Record<string, string>;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [])).sort();

const documents = new Map(yamlFiles(K8S).map((f) => [relative(K8S, f), loadAll(readFileSync(f, 'utf8')) as Manifest[]]));
const all = [...documents.values()].flat();
const containersOf = (m: Manifest): Container[] => [...(m.spec?.template?.spec.initContainers ?? []), ...(m.spec?.template?.spec.containers ?? [])];
const ours = (m: Manifest): Container => containersOf(m).find((c) => c.image === IMAGE)!;
const envOf = (c: Container) => Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
const makeVar = (c: Container, name: string) => c.args?.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

describe('the Kubernetes manifests (k8s/)', () => {
  it('parse as YAML, every document with apiVersion, kind and metadata.name', () => {
    expect([...documents.keys()]).toEqual(['merge-job.yaml', 's3/bucket-secret.yaml', 's3/merge-job.yaml', 's3/shards-job.yaml', 'shards-job.yaml', 'volume.yaml']);
    for (const [file, docs] of documents) {
      expect(docs.length, file).toBeGreaterThan(0);
      for (const d of docs) {
        expect(d, file).toMatchObject({ apiVersion: expect.stringMatching(/^(v1|batch\/v1)$/), kind: expect.any(String), metadata: { name: expect.stringMatching(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/) } });
      }
    }
  });

  it('give every Job a pod template Kubernetes accepts: restartPolicy Never or OnFailure, named containers with an image, mounts of declared volumes', () => {
    const jobs = all.filter((d) => d.kind === 'Job');
    expect(jobs).toHaveLength(4);
    for (const job of jobs) {
      const pod = job.spec!.template!.spec;
      expect(['Never', 'OnFailure'], job.metadata.name).toContain(pod.restartPolicy);
      expect(pod.containers.length, job.metadata.name).toBeGreaterThan(0);
      const volumes = new Set((pod.volumes ?? []).map((v) => v.name));
      for (const c of containersOf(job)) {
        expect(c, job.metadata.name).toMatchObject({ name: expect.any(String), image: expect.any(String) });
        for (const m of c.volumeMounts ?? []) expect(volumes.has(m.name), `${job.metadata.name}/${c.name} mounts ${m.name}`).toBe(true);
      }
      // each runs the image of the Dockerfile once
      expect(containersOf(job).filter((c) => c.image === IMAGE), job.metadata.name).toHaveLength(1);
    }
  });

  it('shard with an Indexed Job of SHARDS pods, all writing one DIST that the merge Job reads', () => {
    for (const dir of ['', 's3/']) {
      const [shards] = documents.get(`${dir}shards-job.yaml`)!;
      const [merge] = documents.get(`${dir}merge-job.yaml`)!;
      expect(shards.spec, dir).toMatchObject({ completionMode: 'Indexed', completions: expect.any(Number) });
      const shard = ours(shards);
      expect(envOf(shard).SHARDS, `${dir}: SHARDS is the Job's completions`).toBe(String(shards.spec!.completions));
      expect(makeVar(shard, 'SEEDS'), dir).toBeTruthy();
      expect(makeVar(shard, 'DIST'), dir).toBeTruthy();
      expect(ours(merge).args?.[0], dir).toBe('merge-shards');
      expect(makeVar(ours(merge), 'DIST'), dir).toBe(makeVar(shard, 'DIST'));
    }
  });

  it('share the claim of volume.yaml, ReadWriteMany; the S3 Jobs read the secret of bucket-secret.yaml', () => {
    const [claim] = documents.get('volume.yaml')!.filter((d) => d.kind === 'PersistentVolumeClaim');
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: expect.any(String) } } });
    for (const file of ['shards-job.yaml', 'merge-job.yaml']) {
      const [job] = documents.get(file)!;
      expect(job.spec!.template!.spec.volumes?.map((v) => v.persistentVolumeClaim?.claimName), file).toEqual([claim.metadata.name]);
    }
    const [secret] = documents.get('s3/bucket-secret.yaml')!;
    expect(Object.keys(secret.stringData!)).toEqual(expect.arrayContaining(['BUCKET', 'RCLONE_CONFIG_BUCKET_TYPE', 'RCLONE_CONFIG_BUCKET_ENDPOINT']));
    for (const file of ['s3/shards-job.yaml', 's3/merge-job.yaml']) {
      const [job] = documents.get(file)!;
      for (const c of containersOf(job).filter((x) => x.image !== IMAGE)) expect(c.envFrom, `${file}/${c.name}`).toEqual([{ secretRef: { name: secret.metadata.name } }]);
    }
  });

  it('run pod i of the Indexed Job as make SHARD=i/N, with the volume in place of /data', () => {
    const [shards] = readJobs(join(K8S, 'shards-job.yaml'));
    const pod = podProcess(shards as JobManifest, '/tmp/volume', 2);
    expect(pod.argv).toEqual(['make', 'SEEDS=/tmp/volume/articles', 'DIST=/tmp/volume/dist']);
    expect(pod.env).toMatchObject({ JOB_COMPLETION_INDEX: '2', SHARDS: String(shards.spec.completions) });
    // what make does with it: the export of shard 2 of N
    const { JOB_COMPLETION_INDEX: _, ...env } = process.env;
    const dry = spawnSync('make', ['-n', '-C', ROOT, ...pod.argv.slice(1)], { encoding: 'utf8', env: { ...env, ...pod.env } });
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`--shard '2/${shards.spec.completions}'`);
    expect(dry.stdout).toContain(`pipeline/export-shard.ts`);
    const noIndex = spawnSync('make', ['-n', '-C', ROOT, 'SHARDS=4'], { encoding: 'utf8', env });
    expect(noIndex.status).not.toBe(0);
    expect(noIndex.stderr).toContain('SHARDS=4 needs JOB_COMPLETION_INDEX');
  });
});

describe('the container file', () => {
  it('builds on Node.js 20 with the locked dependencies and has make as its entry point', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20[-.\w]*$/m);
    expect(dockerfile).toMatch(/^COPY package\.json package-lock\.json \.\/$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["make"\]$/m);
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules', 'build', 'dist']));
  });
});
