import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The rule files of the extraction engine: declarative JSON Lines under `pipeline/rules/`,
 * one folder per thing extracted (actors, dates, quotes, events, agreements) and one for
 * the lexicon. A line is one rule; blank lines and lines starting with `#` are comments.
 * Each `NAME.jsonl` has a `NAME.schema.json` beside it that every line must satisfy (the
 * test suite checks them all).
 */

export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export interface RuleLine<T> {
  file: string;
  line: number;
  rule: T;
}

/** The rules of `group/name.jsonl`, with their line numbers. */
export function loadRuleLines<T>(file: string): Array<RuleLine<T>> {
  const path = join(RULES_DIR, file);
  const out: Array<RuleLine<T>> = [];
  readFileSync(path, 'utf8').split('\n').forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    try {
      out.push({ file, line: index + 1, rule: JSON.parse(trimmed) as T });
    } catch (err) {
      throw new Error(`${file}:${index + 1}: not a JSON object (${err instanceof Error ? err.message : String(err)})`);
    }
  });
  return out;
}

/** The rules of `group/name.jsonl`. */
export function loadRules<T>(file: string): T[] {
  return loadRuleLines<T>(file).map((l) => l.rule);
}

/** Every rule file, as `group/name.jsonl`, sorted. */
export function ruleFiles(): string[] {
  const out: string[] = [];
  for (const group of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const f of readdirSync(join(RULES_DIR, group.name))) if (f.endsWith('.jsonl')) out.push(`${group.name}/${f}`);
  }
  return out.sort();
}
