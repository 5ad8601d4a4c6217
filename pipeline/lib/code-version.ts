import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from './ids.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|json)$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * A hash of the code and data that decide extraction output (pipeline/lib, schemas,
 * the lock file): a cache entry is reused only by the very code that wrote it.
 */
export function codeVersion(): string {
  const files = [...filesUnder(join(ROOT, 'pipeline', 'lib')), ...filesUnder(join(ROOT, 'schemas')), join(ROOT, 'package-lock.json')].sort();
  return sha256Hex(files.map((f) => `${f.slice(ROOT.length)}\n${readFileSync(f, 'utf8')}`).join('\n')).slice(0, 16);
}
