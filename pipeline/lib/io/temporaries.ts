// Temporary files: every output is written under `NAME.tmp-PID` and renamed into place, so an
// interrupted run never leaves a half-written output, and the temporaries of a process are
// known by their name.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUFFIX = `.tmp-${process.pid}`;

/** The name under which this process writes `path` before renaming it into place. */
export const temporaryPath = (path: string): string => path + SUFFIX;

/** Whether a file name is one of this process's temporaries (DuckDB adds `.wal` to a database's). */
export const isOwnTemporary = (name: string): boolean => name.endsWith(SUFFIX) || name.includes(SUFFIX + '.');

/** Where this process's DuckDB spills what exceeds its memory cap. */
export const SPILL_FOLDER = temporaryPath(join(tmpdir(), 'duckdb-spill'));
