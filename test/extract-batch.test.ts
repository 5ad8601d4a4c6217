import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { ContentCache } from '../pipeline/lib/cache.ts';
import { extractBatch, type BatchOutput } from '../pipeline/lib/extract/batch.ts';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { ROOT, tempDir } from './helpers.ts';

const schemas = loadTableSchemas();
const line = (name: string) => JSON.stringify({ doc_id: name.replace(/\.txt$/, ''), ...cleanArticle(readFileSync(join(ROOT, 'seeds', name)), name) });

describe('extractBatch', () => {
  const good = line('001_bde86fb79f36bd3f.txt');

  it('reports an article whose extraction fails and goes on with the others', () => {
    const broken = JSON.stringify({ ...JSON.parse(good), doc_id: 'broken', source_file: 'broken.txt', text: null });
    const { output, failures } = extractBatch([broken, good], { schemas, cache: null });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ file: 'broken.txt', outcome: 'rejected', code: 'extract_failed', stage: 'extract' });
    expect(output.documents.trim().split('\n').map((l) => JSON.parse(l).doc_id)).toEqual(['001_bde86fb79f36bd3f']);
  });

  it('gives the same output from the cache as from extraction', () => {
    const cache = new ContentCache<BatchOutput>(tempDir('cache'), 'v1');
    const first = extractBatch([good], { schemas, cache });
    const second = extractBatch([good], { schemas, cache });
    expect(first.cached).toBe(0);
    expect(second.cached).toBe(1);
    expect(second.output).toEqual(first.output);
    expect(first.output.dates.length).toBeGreaterThan(0);
  });
});
