// Reading corpora as people have them (issue 20): records of JSON Lines and CSV files, their
// metadata, which copy of an article is kept, and the document date the metadata gives.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withMetadataDate } from '../pipeline/lib/input/metadata-date.ts';
import { readCollection, type CollectionEntry } from '../pipeline/lib/input/collections.ts';
import { copyRank, whyBetterCopy } from '../pipeline/lib/input/copies.ts';
import { DEFAULT_FIELDS, metadataDate, parseFieldMapping, readRecord } from '../pipeline/lib/input/fields.ts';
import { sourceFormat } from '../pipeline/lib/input/listing.ts';
import { tempDir } from './helpers.ts';

const TEXT = 'Le conseil municipal a voté jeudi la création de trois pistes cyclables.';

describe('records of JSON Lines and CSV files', () => {
  it('reads a news-please record: text, title, day date, URL, outlet', () => {
    const record = { title: ' Pistes  cyclables\n', maintext: TEXT, date_publish: '2022-03-10 08:15:00', url: 'https://www.lesoir.be/1', source_domain: 'www.lesoir.be', language: 'fr', date_download: '2022-03-11' };
    expect(readRecord(record, DEFAULT_FIELDS)).toEqual({
      text: TEXT, title: 'Pistes cyclables',
      metadata: { url: 'https://www.lesoir.be/1', outlet: 'www.lesoir.be', published: '2022-03-10', published_precision: 'day' },
      warnings: [],
    });
  });

  it('reads a trafilatura record, the outlet from its hostname, and keeps the text byte for byte', () => {
    const record = { title: 'Titre', text: `${TEXT}\n`, date: '2021-11-02', url: 'https://lemonde.fr/x', hostname: 'lemonde.fr' };
    const read = readRecord(record, DEFAULT_FIELDS);
    expect(read).toMatchObject({ text: `${TEXT}\n`, metadata: { outlet: 'lemonde.fr', published: '2021-11-02', published_precision: 'day' } });
  });

  it('takes the outlet from the URL when no field names it, and warns about a date it cannot read', () => {
    const read = readRecord({ text: TEXT, url: 'https://www.rtbf.be/article/1', date: '10/03/2022' }, DEFAULT_FIELDS);
    expect(read).toMatchObject({ metadata: { outlet: 'www.rtbf.be', published: null, published_precision: null } });
    expect('warnings' in read && read.warnings.map((w) => w.code)).toEqual(['invalid_metadata_date']);
  });

  it.each([
    ['not an object', [1, 2], 'invalid_json'],
    ['no text field', { title: 'Titre seul' }, 'no_text'],
    ['an empty text', { maintext: '  \n' }, 'no_text'],
    ['another language by its language field', { maintext: 'The minister said no.', language: 'en' }, 'not_french'],
  ])('rejects a record with %s', (_what, record, code) => {
    expect(readRecord(record, DEFAULT_FIELDS)).toMatchObject({ rejected: { code } });
  });

  it.each([
    ['2022-03-10', { published: '2022-03-10', precision: 'day' }],
    ['2022-03-10T23:30:00-05:00', { published: '2022-03-10', precision: 'day' }],
    ['2022-03-10 08:15:00', { published: '2022-03-10', precision: 'day' }],
    ['2022-03', { published: '2022-03', precision: 'month' }],
    ['2022', { published: '2022', precision: 'year' }],
    ['2022-02-30', null],
    ['10/03/2022', null],
    ['hier', null],
  ])('metadata date %j -> %j', (value, expected) => expect(metadataDate(value)).toEqual(expected));

  it('INPUT_FIELDS puts a named key before the default names, `FIELD=` stops reading a field, an unknown field is an error', () => {
    const fields = parseFieldMapping('text=body, date=published_at,language=');
    expect(fields.text).toEqual(['body', 'maintext', 'text']);
    expect(fields.date).toEqual(['published_at', 'date_publish', 'date']);
    expect(fields.language).toEqual([]);
    expect(readRecord({ body: TEXT, text: 'résumé', published_at: '2020-01-02', language: 'en' }, fields)).toMatchObject({ text: TEXT, metadata: { published: '2020-01-02' } });
    expect(() => parseFieldMapping('texte=body')).toThrow(/INPUT_FIELDS: "texte=body"/);
    expect(() => parseFieldMapping('text=')).toThrow(/INPUT_FIELDS/);
  });

  it('knows article files by their ending', () => {
    expect(['a.txt', 'b.JSONL', 'c.jsonl.gz', 'd.csv', 'e.csv.gz', 'f.json', 'g.gz', 'h.md'].map(sourceFormat)).toEqual(['txt', 'jsonl', 'jsonl', 'csv', 'csv', null, null, null]);
  });
});

describe('collection files', () => {
  const dir = tempDir('collections');
  const read = async (file: string, format: 'jsonl' | 'csv') => {
    const entries: CollectionEntry[] = [];
    let error: string | null = null;
    try {
      for await (const entry of readCollection(file, format)) entries.push(entry);
    } catch (err) {
      error = (err as Error).message;
    }
    return { entries, error };
  };

  it('JSON Lines (gzipped): a record per line numbered from 1, blank lines skipped, a broken line rejected alone', async () => {
    const file = join(dir, 'a.jsonl.gz');
    writeFileSync(file, gzipSync(`\uFEFF{"text":"un"}\n\n{"text": broken\r\n{"text":"é"}\n`));
    const { entries, error } = await read(file, 'jsonl');
    expect(error).toBeNull();
    expect(entries).toEqual([
      { line: 1, record: { text: 'un' } },
      { line: 3, rejected: { code: 'invalid_json', reason: expect.stringContaining('not valid JSON') } },
      { line: 4, record: { text: 'é' } },
    ]);
  });

  it('a damaged gzip stream stops the file after the records read so far', async () => {
    const file = join(dir, 'cut.jsonl.gz');
    writeFileSync(file, gzipSync('{"text":"un"}\n{"text":"deux"}\n'.repeat(50)).subarray(0, 40));
    const { error } = await read(file, 'jsonl');
    expect(error).toMatch(/end of file/);
  });

  it('CSV: the header names the fields, a row starts on its line (quoted line breaks counted), `;` is detected, a row of the wrong width is rejected alone', async () => {
    const file = join(dir, 'a.csv');
    // large enough to be parsed in several chunks
    const long = 'mot, '.repeat(40_000);
    writeFileSync(file, `titre;body\n"Un";"Ligne 1\nligne 2 ""citée"" ; fin"\n\nseul\n"Deux";"${long}"\n"Trois";texte\n`);
    const { entries, error } = await read(file, 'csv');
    expect(error).toBeNull();
    const shortened = entries.map((e) => ('record' in e ? { ...e, record: { ...(e.record as object), body: String((e.record as { body: string }).body).slice(0, 40) } } : e));
    expect(shortened).toEqual([
      { line: 2, record: { titre: 'Un', body: 'Ligne 1\nligne 2 "citée" ; fin' } },
      { line: 5, rejected: { code: 'invalid_csv', reason: '1 fields where the header has 2; skipped' } },
      { line: 6, record: { titre: 'Deux', body: long.slice(0, 40) } },
      { line: 7, record: { titre: 'Trois', body: 'texte' } },
    ]);
    expect((entries[2] as { record: { body: string } }).record.body).toBe(long);
  });
});

describe('the copy kept of one article', () => {
  const copy = (header_date: string | null, repairs: string[], published: string | null = null) => ({
    header_date, repairs, metadata: published ? { url: null, outlet: null, published, published_precision: 'day' as const } : undefined,
  });

  it('ranks a dated copy first, then one not repaired; an equal copy does not replace the first', () => {
    const undated = copyRank(copy(null, []));
    const badHeader = copyRank(copy('2022-13', []));
    const dated = copyRank(copy('2022-02', ['converted_from_windows1252']));
    const fromMetadata = copyRank(copy(null, [], '2022-02-14'));
    expect(whyBetterCopy(dated, badHeader)).toMatch(/dated/);
    expect(whyBetterCopy(fromMetadata, undated)).toMatch(/dated/);
    expect(whyBetterCopy(copyRank(copy(null, [])), copyRank(copy(null, ['bom_stripped'])))).toMatch(/no repair/);
    expect(whyBetterCopy(undated, badHeader)).toBeNull();
    expect(whyBetterCopy(badHeader, dated)).toBeNull();
  });

});

describe('the document date from metadata', () => {
  it.each([
    ['a day from metadata wins over a month header', '2022-03-10', 'day', { published: '2022-03', published_precision: 'month', published_basis: 'header' }, ['2022-03-10', 'day', 'metadata']],
    ['a day from metadata wins over an inferred day', '2022-03-10', 'day', { published: '2022-03-09', published_precision: 'day', published_basis: 'inferred' }, ['2022-03-10', 'day', 'metadata']],
    ['a month from metadata wins over the same month in the header', '2022-03', 'month', { published: '2022-03', published_precision: 'month', published_basis: 'header' }, ['2022-03', 'month', 'metadata']],
    ['a day in the text refines a month from metadata', '2022-03', 'month', { published: '2022-03-09', published_precision: 'day', published_basis: 'inferred' }, ['2022-03-09', 'day', 'inferred']],
    ['a day in the text outside a month from metadata does not', '2022-03', 'month', { published: '2021-07-09', published_precision: 'day', published_basis: 'inferred' }, ['2022-03', 'month', 'metadata']],
    ['no metadata date leaves the text\'s date', null, null, { published: '2022-03', published_precision: 'month', published_basis: 'header' }, ['2022-03', 'month', 'header']],
  ] as const)('%s', (_what, published, precision, fromText, expected) => {
    const chosen = withMetadataDate({ published, published_precision: precision }, fromText);
    expect([chosen.published, chosen.published_precision, chosen.published_basis]).toEqual(expected);
  });

  it('keeps the day of publication the text gives only within a coarser metadata date', () => {
    const fromText = { published: '2022-03', published_precision: 'month', published_basis: 'header', textDay: '2022-03-09' } as const;
    expect(withMetadataDate({ published: '2022-03', published_precision: 'month' }, fromText).textDay).toBe('2022-03-09');
    expect(withMetadataDate({ published: '2022', published_precision: 'year' }, { ...fromText, published: '2022', published_precision: 'year' }).textDay).toBe('2022-03-09');
    expect(withMetadataDate({ published: '2021-11', published_precision: 'month' }, fromText).textDay).toBeNull();
    expect(withMetadataDate({ published: '2022-03-10', published_precision: 'day' }, fromText).textDay).toBeNull();
  });
});
