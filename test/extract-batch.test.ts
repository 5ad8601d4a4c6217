import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { extractBatch } from '../pipeline/lib/extract/batch.ts';
import { EXTRACT_OUTPUTS, QUALITY_PART } from '../pipeline/lib/extract/outputs.ts';
import { MAX_SENTENCE_TOKENS } from '../pipeline/lib/nlp/structure.ts';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { ROOT } from './helpers.ts';

const schemas = loadTableSchemas();
const line = (name: string) => JSON.stringify({ doc_id: name.replace(/\.txt$/, ''), ...cleanArticle(readFileSync(join(ROOT, 'seeds', name)), name) });

describe('extractBatch', () => {
  const good = line('001_bde86fb79f36bd3f.txt');

  it('reports an article whose extraction fails and goes on with the others', () => {
    const broken = JSON.stringify({ ...JSON.parse(good), doc_id: 'broken', source_file: 'broken.txt', text: null });
    const { outputs, failures } = extractBatch([broken, good], schemas);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ file: 'broken.txt', outcome: 'rejected', code: 'extract_failed', stage: 'extract' });
    expect(outputs[0]).toBeNull();
    const documents = outputs[1]![EXTRACT_OUTPUTS.indexOf('documents')];
    expect(documents.trim().split('\n').map((l) => JSON.parse(l).doc_id)).toEqual(['001_bde86fb79f36bd3f']);
  });

  it('gives each article its JSON Lines per table, in the order of EXTRACT_OUTPUTS', () => {
    const { outputs } = extractBatch([good, good], schemas);
    expect(outputs[0]).toHaveLength(EXTRACT_OUTPUTS.length + 1);
    expect(outputs[0]![QUALITY_PART]).toBe('');
    expect(outputs[1]).toEqual(outputs[0]);
    const dates = outputs[0]![EXTRACT_OUTPUTS.indexOf('dates')];
    expect(dates.endsWith('\n')).toBe(true);
    for (const l of dates.trim().split('\n')) expect(JSON.parse(l).doc_id).toBe('001_bde86fb79f36bd3f');
  });

  it('publishes an article over the extraction budget with what was extracted and an extraction_truncated warning, the same on every run', () => {
    // a scraped table dump: one sentence of names and figures, no full stop, far past the budget
    const row = (k: number) => `Vladimir Poutine ${k} Minsk « oui » 12 mars 2022 l’accord `;
    const dump = 'Le 3 mars 2022, Emmanuel Macron a déclaré : « Nous sommes prêts. » ' + Array.from({ length: 400 }, (_, k) => row(k)).join('');
    const article = JSON.stringify({ ...JSON.parse(good), doc_id: 'dump', source_file: 'dump.txt', text: dump });
    const runs = [extractBatch([article], schemas), extractBatch([article], schemas)];
    expect(runs[1]).toEqual(runs[0]);
    const { outputs, failures } = runs[0];
    expect(failures).toEqual([]);
    const warnings = outputs[0]![QUALITY_PART].trim().split('\n').map((l) => JSON.parse(l));
    expect(warnings).toEqual([expect.objectContaining({ file: 'dump.txt', outcome: 'published', code: 'extraction_truncated', stage: 'extract' })]);
    expect(warnings[0].reason).toContain(`${MAX_SENTENCE_TOKENS} tokens`);
    // what lies within the budget is still extracted
    expect(outputs[0]![EXTRACT_OUTPUTS.indexOf('quotes')]).toContain('Nous sommes prêts.');
    expect(outputs[0]![EXTRACT_OUTPUTS.indexOf('dates')]).toContain('2022-03-03');
  });
});
