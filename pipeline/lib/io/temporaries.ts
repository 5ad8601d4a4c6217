// Temporary files: every output is written under `NAME.tmp-PID` and renamed into place, so an
// interrupted run never leaves a half-written output. Those that a process leaves when it ends
// before renaming them are removed by a sweeper process (see sweepTemporariesAtExit).
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SUFFIX = `.tmp-${process.pid}`;

/** The name under which this process writes `path` before renaming it into place. */
export const temporaryPath = (path: string): string => path + SUFFIX;

/** Whether a file name is one of this process's temporaries (DuckDB adds `.wal` to a database's). */
export const isOwnTemporary = (name: string): boolean => name.endsWith(SUFFIX) || name.includes(SUFFIX + '.');

/** Where this process's DuckDB spills what exceeds its memory cap. */
export const SPILL_FOLDER = temporaryPath(join(tmpdir(), 'duckdb-spill'));

// Waits for the end of file on its standard input, then removes this process's temporaries
// under the roots. `read` returns at the end of file: when the stage's process has ended.
const SWEEP = `trap '' HUP INT QUIT TERM
pid=$1; shift
read -r _
exec find "$@" \\( -name "*.tmp-$pid" -o -name "*.tmp-$pid.*" \\) -prune -exec rm -rf -- {} +`;

/**
 * Starts a process that removes this process's temporary files and folders under `roots` once
 * this process has ended, however it ended: normally, by a signal's default action, by SIGKILL
 * or in a crash. This is what lets SIGINT and SIGTERM keep their default action, which stops a
 * stage at once even while its thread runs synchronous work (a JavaScript handler would wait
 * for the thread to be free, for as long as one article takes) and ends its worker threads and
 * DuckDB's with it; cleaning up after the end also means nothing is still writing meanwhile.
 *
 * The sweeper learns of the end from its standard input, a pipe whose other end only this
 * process holds (the descriptor is closed on exec), and runs in a session of its own, so that a
 * Ctrl-C, sent to the whole foreground process group, does not stop it too. It takes a few
 * milliseconds after the end. Call it from the main thread only: a worker thread's handles
 * close when that thread ends.
 */
export function sweepTemporariesAtExit(roots: string[]): void {
  // absolute paths: a root starting with '-' would otherwise read as a find option
  const sweeper = spawn('/bin/sh', ['-c', SWEEP, 'sweep-temporaries', String(process.pid), ...roots.map((r) => resolve(r))], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // without a shell, temporaries are still removed on a normal exit (AtomicWriter)
  sweeper.on('error', () => {});
  const pipe = sweeper.stdin as Socket;
  pipe.on('error', () => {});
  // neither keeps this process alive
  pipe.unref();
  sweeper.unref();
}
