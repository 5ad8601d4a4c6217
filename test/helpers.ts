import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

/** Runs the project's make with the given variables; returns its combined output. */
export function make(vars: Record<string, string>, target = 'all'): string {
  const args = [target, ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)];
  return execFileSync('make', ['--no-print-directory', '-C', ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
}

/** Runs one stage script; returns exit status and stderr. */
export function runStage(script: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync('node', ['--import', 'tsx', join(ROOT, 'pipeline', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stderr: r.stderr };
}
