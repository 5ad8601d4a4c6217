// The files the page loads, written under DIST/site/: its script (bundled with esbuild, DuckDB-WASM
// and Apache Arrow inside) and DuckDB-WASM's worker and WebAssembly module, the `eh` build that
// every current browser runs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { writeFileAtomicSync } from '../io/jsonl.ts';

const BROWSER_ENTRY = fileURLToPath(new URL('./browser/app.ts', import.meta.url));

function duckdbDistFile(name: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')), name);
}

/** Writes only when the bytes differ, so that a rebuild leaves the file (and its mtime) alone. */
function writeIfChanged(file: string, bytes: Uint8Array | string): void {
  const next = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  if (existsSync(file) && readFileSync(file).equals(next)) return;
  writeFileAtomicSync(file, next);
}

export async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [BROWSER_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The gzipped module, kept as it is when it already inflates to the same bytes: gzip output may
 * change with the zlib of another Node version, and dist/ must not change for nothing. */
function writeGzippedWasm(file: string, wasm: Buffer): void {
  if (existsSync(file)) {
    try {
      if (gunzipSync(readFileSync(file)).equals(wasm)) return;
    } catch {
      // not a gzip file: rewrite it
    }
  }
  writeFileAtomicSync(file, gzipSync(wasm, { level: 9 }));
}

/** Writes DIST/site/{app.js, duckdb-browser-eh.worker.js, duckdb-eh.wasm.gz}; returns their paths. */
export async function writeSiteAssets(dist: string): Promise<string[]> {
  const dir = join(dist, 'site');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'app.js');
  writeIfChanged(script, await bundleScript());
  const worker = join(dir, 'duckdb-browser-eh.worker.js');
  // The source-map comment would point at a file we do not ship.
  writeIfChanged(worker, readFileSync(duckdbDistFile('duckdb-browser-eh.worker.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  const wasm = join(dir, 'duckdb-eh.wasm.gz');
  writeGzippedWasm(wasm, readFileSync(duckdbDistFile('duckdb-eh.wasm')));
  return [script, worker, wasm];
}
