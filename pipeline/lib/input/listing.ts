// The input folder, read recursively: the article sources in it (text files and collections),
// and every entry skipped with its reason. Names are paths relative to the folder, with `/`.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from '../inspect.ts';

/** How a source file holds its articles: one per file, or one per line or row of a collection. */
export type SourceFormat = 'txt' | 'jsonl' | 'csv';

/** By the name's ending (case-insensitive): `.txt`; `.jsonl`, `.jsonl.gz`; `.csv`, `.csv.gz`. */
export function sourceFormat(name: string): SourceFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.jsonl') || lower.endsWith('.jsonl.gz')) return 'jsonl';
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) return 'csv';
  return null;
}

export interface Skipped {
  name: string;
  verdict: Verdict;
  /** A regular file that is not an article source: its content hash goes in the report. */
  isFile: boolean;
}

export interface Listing {
  /** Article sources, in no particular order. */
  sources: string[];
  /** Entries skipped, sorted by name. */
  skipped: Skipped[];
}

/**
 * Lists the folder recursively. Hidden entries (a name starting with `.`) are skipped, a hidden
 * folder without being entered. A symbolic link is followed when it leads to a file inside the
 * folder; one that leads outside is skipped, and one to a folder too (its files are read where
 * they are). A dangling link is listed as a source, so that reading it reports it unreadable.
 */
export async function listInputs(root: string): Promise<Listing> {
  const realRoot = await realpath(root);
  const sources: string[] = [];
  const skipped: Skipped[] = [];
  const skip = (name: string, code: string, reason: string, isFile = false) => skipped.push({ name, verdict: { code, reason }, isFile });
  const asSource = (name: string, isFile: boolean) => {
    if (sourceFormat(name)) sources.push(name);
    else skip(name, 'not_txt', 'not an article file (.txt, .jsonl, .jsonl.gz, .csv, .csv.gz); skipped', isFile);
  };
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    for (const entry of await readdir(path.join(root, folder), { withFileTypes: true })) {
      const name = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.name.startsWith('.')) skip(name, 'hidden', `a hidden ${entry.isDirectory() ? 'folder' : 'file'}; skipped`);
      else if (entry.isDirectory()) folders.push(name);
      else if (entry.isFile()) asSource(name, true);
      else if (entry.isSymbolicLink()) {
        const target = await realpath(path.join(root, name)).catch(() => null);
        const targetStat = target === null ? null : await stat(target).catch(() => null);
        if (target === null || targetStat === null) asSource(name, false);
        else if (!isInside(realRoot, target)) skip(name, 'link_outside', 'a symbolic link to outside the input folder; not followed');
        else if (targetStat.isDirectory()) skip(name, 'not_a_file', 'a symbolic link to a folder; not followed (the folder\'s files are read where they are)');
        else if (!targetStat.isFile()) skip(name, 'not_a_file', 'a symbolic link to something other than a file; skipped');
        else asSource(name, true);
      } else skip(name, 'not_a_file', 'not a regular file; skipped');
    }
  }
  skipped.sort((a, b) => compareNames(a.name, b.name));
  return { sources, skipped };
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
