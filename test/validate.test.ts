import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileValidators, loadTableSchemas, primaryKeyOf } from '../pipeline/lib/schema.ts';
import { lineBatches } from '../pipeline/lib/io/line-batches.ts';
import { MAX_PROBLEMS, TableCheck, validateBatch } from '../pipeline/lib/validate-batch.ts';
import { ROOT, runStage, tempDir } from './helpers.ts';

const schemas = loadTableSchemas();
const validators = compileValidators(schemas);

const date = (fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ id: '0123456789abcdef', doc_id: 'x', text: 'jeudi', value: '2022-12-15', precision: 'day', basis: 'explicit', start: 0, end: 5, removal_id: null, ...fields });
const documentRecord = (fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ doc_id: 'bench_0000000', source_file: 'bench_0000000.txt', url: null, outlet: null, sha256: 'a'.repeat(64), bytes: 1890, encoding: 'utf-8', title: null, dateline: null, published: '2023-06', published_precision: 'month', published_basis: 'header', paragraphs: 1, text: 'Il a aussi assuré', ...fields });
const hexId = (i: number): string => i.toString(16).padStart(16, '0');
/** A valid occurrence: the committed dist/'s first, with another id. */
const occurrence = (id: string): string => JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'dist', 'occurrences.json'), 'utf8'))[0], occurrence_id: id });

/** A table's problems and record count, its lines given in batches, each validated on its own. */
function checkBatches(table: string, batches: string[][]): { problems: string[]; records: number } {
  const problems: string[] = [];
  const key = primaryKeyOf(schemas.get(table)!);
  const check = new TableCheck(table, `${table}.jsonl`, problems, key);
  for (const lines of batches) check.add(validateBatch(Buffer.from(lines.map((l) => `${l}\n`).join('')), validators.get(table)!, key));
  return { problems, records: check.records };
}

describe('validateBatch and TableCheck', () => {
  const cases: Array<{ name: string; table: string; batches: string[][]; problems: string[]; records: number }> = [
    { name: 'a valid record', table: 'dates', batches: [[date()]], problems: [], records: 1 },
    {
      name: 'schema violations, naming field and reason',
      table: 'dates',
      batches: [[date({ start: -1, extra: true })]],
      problems: ['table dates, record 0123456789abcdef: field /: must NOT have additional properties (extra)', 'table dates, record 0123456789abcdef: field /start: must be >= 0'],
      records: 1,
    },
    {
      name: 'a missing field',
      table: 'dates',
      batches: [[date({ id: hexId(1) }), JSON.stringify({ ...JSON.parse(date()), removal_id: undefined })]],
      problems: ["table dates, record 0123456789abcdef: field /removal_id: must have required property 'removal_id'"],
      records: 2,
    },
    {
      name: 'a duplicate id within a batch',
      table: 'dates',
      batches: [[date(), date({ start: 10, end: 15 })]],
      problems: ['table dates, record 0123456789abcdef: field /id: duplicate id'],
      records: 2,
    },
    {
      name: 'a duplicate id across batches',
      table: 'dates',
      batches: [[date({ id: hexId(1) }), date()], [date({ id: hexId(2) })], [date({ start: 10, end: 15 })]],
      problems: ['table dates, record 0123456789abcdef: field /id: duplicate id'],
      records: 4,
    },
    {
      name: 'non-hex ids (doc_id), duplicated across batches',
      table: 'documents',
      batches: [[documentRecord(), documentRecord({ doc_id: 'bench_0000001' })], [documentRecord({ doc_id: 'BENCH_0000000' }), documentRecord()]],
      problems: ['table documents, record bench_0000000: field /doc_id: duplicate id'],
      records: 4,
    },
    {
      name: 'records without id or doc_id, numbered across batches without the empty lines',
      table: 'removals',
      batches: [[JSON.stringify({ id: hexId(1), doc_id: 'd', reason: 'link', text: 't', raw_start: 0, raw_end: 1 }), ''], ['{}']],
      problems: [
        "table removals, record line 2: field /id: must have required property 'id'",
        "table removals, record line 2: field /doc_id: must have required property 'doc_id'",
        "table removals, record line 2: field /reason: must have required property 'reason'",
        "table removals, record line 2: field /text: must have required property 'text'",
        "table removals, record line 2: field /raw_start: must have required property 'raw_start'",
        "table removals, record line 2: field /raw_end: must have required property 'raw_end'",
      ],
      records: 2,
    },
    {
      name: 'occurrences identified by occurrence_id',
      table: 'occurrences',
      batches: [[occurrence(hexId(1)), occurrence(hexId(2))], [occurrence(hexId(1))]],
      problems: [`table occurrences, record ${hexId(1)}: field /occurrence_id: duplicate id`],
      records: 3,
    },
    {
      name: 'a JSON value that is not an object',
      table: 'dates',
      batches: [['42', 'null']],
      problems: ['table dates, record line 1: field /: must be object', 'table dates, record line 2: field /: must be object'],
      records: 2,
    },
    {
      name: 'no more records once over the problem cap',
      table: 'dates',
      batches: [Array.from({ length: 40 }, () => date()), Array.from({ length: 40 }, () => date())],
      problems: Array.from({ length: MAX_PROBLEMS + 1 }, () => 'table dates, record 0123456789abcdef: field /id: duplicate id'),
      records: MAX_PROBLEMS + 2,
    },
  ];

  it.each(cases)('$name', ({ table, batches, problems, records }) => {
    expect(checkBatches(table, batches)).toEqual({ problems, records });
  });

  it('fails at a line that is not JSON, naming the file and the line, empty lines counted', () => {
    expect(() => checkBatches('dates', [[date(), ''], ['', date({ id: hexId(1) }), '{"id": oops', date({ id: hexId(2) })]])).toThrow(/^dates\.jsonl:5: not a JSON line \(.*JSON/);
  });

  it('splits lines as readline does: \\n, \\r\\n and a lone \\r', () => {
    const result = validateBatch(Buffer.from(`${date()}\r\n${date({ id: hexId(1) })}\r${date({ id: hexId(2) })}\n\r\n`), validators.get('dates')!, 'id');
    expect(result).toEqual({ lines: 4, ids: ['0123456789abcdef', hexId(1), hexId(2)], invalid: [] });
  });
});

describe('lineBatches', () => {
  it('cuts a file at line breaks only, long lines included, and loses no byte', async () => {
    const file = join(tempDir('chunks'), 'dates.jsonl');
    const lines = Array.from({ length: 200 }, (_, i) => date({ id: hexId(i), text: 'é'.repeat(i % 7 === 0 ? 300 : 1 + (i % 13)) }));
    const content = lines.join('\n') + '\r\n\n' + date({ id: hexId(999) });
    writeFileSync(file, content);
    const chunks: Buffer[] = [];
    for (const chunk of lineBatches(file, 256)) chunks.push(Buffer.from(chunk));
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.slice(0, -1).every((c) => c.at(-1) === 0x0a)).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe(content);
    const problems: string[] = [];
    const check = new TableCheck('dates', file, problems, 'id');
    for (const chunk of chunks) check.add(validateBatch(chunk, validators.get('dates')!, 'id'));
    expect({ problems, records: check.records }).toEqual({ problems: [], records: 201 });
  });
});

describe('validate stage with a pool of workers', () => {
  /** A build folder where every table is empty but dates, which gets `dateLines` (some 2 MB: several batches). */
  const buildWithDates = (prefix: string, dateLines: string[]): string => {
    const build = tempDir(prefix);
    for (const t of schemas.keys()) {
      const stage = ['events', 'occurrences', 'entities'].includes(t) ? 'link' : 'extract';
      mkdirSync(join(build, stage), { recursive: true });
      writeFileSync(join(build, stage, `${t}.jsonl`), t === 'dates' ? dateLines.join('\n') + '\n' : '');
    }
    return build;
  };
  const manyDates = (): string[] => Array.from({ length: 12_000 }, (_, i) => date({ id: hexId(i), doc_id: `doc_${i}` }));
  const withoutTiming = (stderr: string): string => stderr.replace(/^validate: done in .*\n/m, '');

  it('writes the same ok file with 2 jobs as with 1', () => {
    const build = buildWithDates('valid', manyDates());
    const one = runStage('validate.ts', ['--build', build, '--jobs', '1']);
    const okOne = readFileSync(join(build, 'validate', 'ok'), 'utf8');
    const two = runStage('validate.ts', ['--build', build, '--jobs', '2']);
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(readFileSync(join(build, 'validate', 'ok'), 'utf8')).toBe(okOne);
    expect(okOne).toContain('12000 dates\n');
    expect(withoutTiming(two.stderr)).toBe(withoutTiming(one.stderr));
  });

  it('reports the same problems in the same order with 2 jobs as with 1', () => {
    const lines = manyDates();
    for (const i of [10, 5000, 11_000]) lines[i] = date({ id: hexId(i), value: 'demain' });
    lines[9000] = lines[3]; // a duplicate id in a later batch
    const build = buildWithDates('invalid', lines);
    const one = runStage('validate.ts', ['--build', build, '--jobs', '1']);
    const two = runStage('validate.ts', ['--build', build, '--jobs', '2']);
    expect([one.status, two.status]).toEqual([1, 1]);
    expect(two.stderr).toBe(one.stderr);
    const problems = one.stderr.split('\n').filter((l) => l.startsWith('table '));
    expect(problems.map((p) => p.replace(/ must match pattern .*/, ' must match pattern'))).toEqual([
      `table dates, record ${hexId(10)}: field /value: must match pattern`,
      `table dates, record ${hexId(5000)}: field /value: must match pattern`,
      `table dates, record ${hexId(3)}: field /id: duplicate id`,
      `table dates, record ${hexId(11_000)}: field /value: must match pattern`,
    ]);
    expect(one.stderr).toContain('validate: FAILED: 4 schema violation(s)');
  });
});
