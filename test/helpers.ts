import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/**
 * Lets the test runner's messages through between long synchronous steps: vitest's worker
 * fails the run when its reporter gets no answer for 60 s, though every test passes.
 */
export const letRunnerIn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the project's make with the given variables; resolves with its combined output, or
 * rejects when it fails. Asynchronous so that vitest's worker stays responsive meanwhile: a
 * worker blocked for a minute fails the run (`Timeout calling onTaskUpdate`), though every test passes.
 */
export function make(vars: Record<string, string>, target = 'all'): Promise<string> {
  const args = [target, ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)];
  return new Promise((resolve, reject) => {
    execFile('make', ['--no-print-directory', '-C', ROOT, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, CI: 'true' } }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolve(stdout);
    });
  });
}

/** Runs one stage script; returns exit status and stderr. */
export function runStage(script: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync('node', ['--import', 'tsx', join(ROOT, 'pipeline', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stderr: r.stderr };
}

/**
 * The live processes (Linux) whose command line mentions `marker`, or in process group `group`:
 * a stage's temporary-file sweeper runs in a session of its own, and names the folders it sweeps.
 */
export function liveProcesses(marker: string, group?: number): number[] {
  const live: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // after the command's name in parentheses: state, parent, process group
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      if (Number(pgrp) === group || readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) live.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return live;
}

/** Resolves once `done()` holds, checking every 10 ms; rejects with `what` after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} (after ${timeoutMs} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
