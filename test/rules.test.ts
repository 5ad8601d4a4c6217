import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parsePattern } from '../pipeline/lib/nlp/pattern.ts';
import { RULES_DIR, loadRuleLines, ruleFiles } from '../pipeline/lib/nlp/rules.ts';

// Every rule file of the engine is data checked here: a line that breaks its schema, or a
// pattern that does not parse, fails with the file and line to fix.

const schemaOf = (file: string): object => JSON.parse(readFileSync(join(RULES_DIR, file.replace(/\.jsonl$/, '.schema.json')), 'utf8'));
const outputSchema = (name: string): { properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }> } =>
  JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
const PATTERN_FIELDS = ['complement', 'after', 'not_after', 'before', 'not_before'] as const;

describe('rule files', () => {
  const files = ruleFiles();

  it('are all there, each with its schema', () => {
    expect(files).toEqual(expect.arrayContaining(['actors/countries.jsonl', 'dates/patterns.jsonl', 'events/triggers.jsonl', 'agreements/nouns.jsonl', 'quotes/verbs.jsonl', 'lexicon/words.jsonl']));
    for (const file of files) expect(() => schemaOf(file), file).not.toThrow();
  });

  it.each(files)('%s: every line satisfies its schema', (file) => {
    const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schemaOf(file));
    const errors = loadRuleLines<unknown>(file).flatMap(({ line, rule }) =>
      validate(rule) ? [] : [`${file}:${line}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`]);
    expect(errors).toEqual([]);
  });

  it.each(files)('%s: every pattern in the compact syntax parses', (file) => {
    const errors: string[] = [];
    for (const { line, rule } of loadRuleLines<Record<string, unknown>>(file)) {
      for (const field of [...PATTERN_FIELDS, ...(file === 'agreements/status.jsonl' ? ['after'] : [])]) {
        const value = rule[field];
        if (value === undefined) continue;
        for (const source of Array.isArray(value) ? value : [value]) {
          try {
            if (parsePattern(String(source)).length === 0) errors.push(`${file}:${line}: empty ${field}`);
          } catch (err) {
            errors.push(`${file}:${line}: ${(err as Error).message}`);
          }
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('name only values the output schemas allow', () => {
    const triggerTypes = (schemaOf('events/triggers.jsonl') as { properties: { type: { enum: string[] } } }).properties.type.enum;
    expect(outputSchema('events').properties.type.enum).toEqual(expect.arrayContaining(triggerTypes));
    const agreement = outputSchema('agreements').properties;
    const nouns = schemaOf('agreements/nouns.jsonl') as { properties: { kind: { enum: string[] } } };
    const status = schemaOf('agreements/status.jsonl') as { properties: { status: { enum: string[] } } };
    const domains = schemaOf('agreements/domains.jsonl') as { properties: { domain: { enum: string[] } } };
    expect(agreement.kind.enum).toEqual(expect.arrayContaining(nouns.properties.kind.enum));
    expect(agreement.status.enum).toEqual(expect.arrayContaining(status.properties.status.enum));
    expect(agreement.domains.items!.enum).toEqual(expect.arrayContaining(domains.properties.domain.enum));
  });

  it('load into the engine', async () => {
    await expect(import('../pipeline/lib/extract/index.ts')).resolves.toBeDefined();
  });
});
