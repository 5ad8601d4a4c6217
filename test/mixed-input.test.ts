// Corpora as people have them (issue 20), end to end: nested folders of .txt files, JSON Lines
// from news-please, gzipped trafilatura JSON Lines and a CSV export in one input folder; and the
// seeds given as JSON Lines, which must extract exactly what the .txt build does.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../pipeline/lib/types.generated.ts';
import type { QualityEntry } from '../pipeline/lib/quality.ts';
import { make, ROOT, runStage, tempDir } from './helpers.ts';

const SEEDS = join(ROOT, 'seeds');
const seed = (prefix: string) => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');
const withoutHeader = (text: string) => text.replace(/^ date \S+ /, '');
const jsonLines = (records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

// three lines, so the CSV row holding it spans lines 2 to 4
const CSV_ARTICLE = readFileSync(join(ROOT, 'test', 'fixtures', 'bad', 'article-valide.txt'), 'utf8');
const RELATIVE = 'Le gouvernement belge a annoncé hier un plan de soutien aux agriculteurs touchés par la sécheresse. '
  + 'Le ministre de l’Agriculture a précisé que les premières aides seraient versées dès la semaine prochaine, '
  + 'et que les régions les plus exposées recevraient la plus grande part de l’enveloppe.\n';
const ENGLISH = 'The government announced on Monday a support plan for farmers hit by the drought. '
  + 'The agriculture minister said that the first payments would be made next week, and that the most exposed regions would receive the largest share.\n';

describe('one corpus of nested .txt folders, news-please JSON Lines, gzipped trafilatura JSON Lines and CSV', () => {
  const work = tempDir('mixed');
  const seeds = join(work, 'corpus');
  const dist = join(work, 'dist');
  const vars = { SEEDS: seeds, BUILD: join(work, 'build'), DIST: dist, INPUT_FIELDS: 'title=headline,text=body,date=published_at,url=link' };
  let documents: Map<string, DocumentRecord>;
  let report: QualityEntry[];

  beforeAll(async () => {
    mkdirSync(join(seeds, '2021', 'janvier'), { recursive: true });
    mkdirSync(join(seeds, '2022'), { recursive: true });
    mkdirSync(join(seeds, 'scraped'), { recursive: true });
    writeFileSync(join(seeds, '2021', 'janvier', 'poutine.txt'), seed('000_'));
    writeFileSync(join(seeds, '2022', 'loukachenko.txt'), seed('001_'));
    // an undated copy of an article that the scraper also has, dated
    writeFileSync(join(seeds, '2022', 'belarus-sans-date.txt'), withoutHeader(seed('003_')));
    writeFileSync(join(seeds, 'scraped', 'news-please.jsonl'), jsonLines([
      { title: 'Poutine et le Bélarus', maintext: withoutHeader(seed('002_')), date_publish: '2022-02-14 10:30:00', url: 'https://www.lesoir.be/420001', source_domain: 'www.lesoir.be', language: 'fr' },
      '{"title": "ligne coupée", "maintext": "Le texte',
      { title: 'Drought plan', maintext: ENGLISH, date_publish: '2022-03-10 08:00:00', url: 'https://example.com/en', source_domain: 'example.com', language: 'en' },
      { title: 'Aides aux agriculteurs', maintext: RELATIVE, date_publish: '2022-03-10 08:00:00', url: 'https://www.rtbf.be/1', source_domain: 'www.rtbf.be', language: 'fr' },
      { title: 'Bélarus', maintext: withoutHeader(seed('003_')), date_publish: '2021-02-18', url: 'https://www.lesoir.be/350001', source_domain: 'www.lesoir.be', language: 'fr' },
      // the same bytes as 2022/loukachenko.txt, which is dated too and comes first: that file is kept
      { maintext: seed('001_'), date_publish: '2022-12-01', url: 'https://www.lesoir.be/480001', source_domain: 'www.lesoir.be', language: 'fr' },
    ]));
    writeFileSync(join(seeds, 'scraped', 'trafilatura.jsonl.gz'), gzipSync(jsonLines([
      { title: 'La Russie et le Bélarus', text: withoutHeader(seed('004_')), date: '2022-12-20', url: 'https://www.lalibre.be/1', hostname: 'lalibre.be', fingerprint: 'x' },
      { title: 'Sans texte', text: '', date: '2022-12-21', url: 'https://www.lalibre.be/2', hostname: 'lalibre.be' },
    ])));
    writeFileSync(join(seeds, 'scraped', 'coupe.jsonl.gz'), gzipSync(jsonLines([{ maintext: RELATIVE }])).subarray(0, 30));
    writeFileSync(join(seeds, 'export.csv'), [
      'headline,body,published_at,link',
      `"Un plan pour les agriculteurs","${CSV_ARTICLE.replace(/"/g, '""')}",2023-06-20T09:00:00+02:00,https://www.lemonde.fr/planete/1`,
      'une ligne,sans assez de champs',
    ].join('\r\n') + '\r\n');
    await make(vars);
    documents = new Map(readJson<DocumentRecord[]>(join(dist, 'documents.json')).map((d) => [d.source_file, d]));
    report = readJson<QualityEntry[]>(join(dist, 'quality', 'report.json'));
  }, 180_000);

  it('publishes every good article with its metadata, named by its path or file#line', () => {
    const summary = [...documents.values()].map((d) => [d.source_file, d.doc_id, d.url, d.outlet, d.title, d.published, d.published_precision, d.published_basis]);
    expect(summary).toEqual([
      ['2021/janvier/poutine.txt', '2021/janvier/poutine', null, null, null, null, null, 'unknown'],
      ['2022/loukachenko.txt', '2022/loukachenko', null, null, null, '2022-12', 'month', 'header'],
      ['export.csv#2', 'export.csv#2', 'https://www.lemonde.fr/planete/1', 'www.lemonde.fr', 'Un plan pour les agriculteurs', '2023-06-20', 'day', 'metadata'],
      ['scraped/news-please.jsonl#1', 'scraped/news-please.jsonl#1', 'https://www.lesoir.be/420001', 'www.lesoir.be', 'Poutine et le Bélarus', '2022-02-14', 'day', 'metadata'],
      ['scraped/news-please.jsonl#4', 'scraped/news-please.jsonl#4', 'https://www.rtbf.be/1', 'www.rtbf.be', 'Aides aux agriculteurs', '2022-03-10', 'day', 'metadata'],
      ['scraped/news-please.jsonl#5', 'scraped/news-please.jsonl#5', 'https://www.lesoir.be/350001', 'www.lesoir.be', 'Bélarus', '2021-02-18', 'day', 'metadata'],
      ['scraped/trafilatura.jsonl.gz#1', 'scraped/trafilatura.jsonl.gz#1', 'https://www.lalibre.be/1', 'lalibre.be', 'La Russie et le Bélarus', '2022-12-20', 'day', 'metadata'],
    ]);
    // the CSV's text is the article's, its header line lifted as in a .txt file
    expect(documents.get('export.csv#2')!.text.startsWith('Le gouvernement a présenté mercredi')).toBe(true);
  });

  it('resolves relative dates against the metadata date', () => {
    const dates = readJson<Array<{ doc_id: string; text: string; value: string }>>(join(dist, 'dates.json'));
    expect(dates.filter((d) => d.doc_id === 'scraped/news-please.jsonl#4').map((d) => [d.text, d.value])).toContainEqual(['hier', '2022-03-09']);
  });

  it('reports every bad line with file, line and reason, and every duplicate with the copy kept', () => {
    const entries = report.map((q) => [q.file, q.outcome, q.code]);
    expect(entries).toEqual(expect.arrayContaining([
      ['scraped/news-please.jsonl#2', 'rejected', 'invalid_json'],
      ['scraped/news-please.jsonl#3', 'rejected', 'not_french'],
      ['scraped/news-please.jsonl#6', 'rejected', 'duplicate'],
      ['scraped/trafilatura.jsonl.gz#2', 'rejected', 'no_text'],
      [`export.csv#${2 + CSV_ARTICLE.split('\n').length}`, 'rejected', 'invalid_csv'],
      ['2022/belarus-sans-date.txt', 'rejected', 'duplicate'],
      ['scraped/coupe.jsonl.gz', 'rejected', 'unreadable'],
    ]));
    expect(report.filter((q) => q.outcome === 'rejected')).toHaveLength(7);
    const reason = (file: string) => report.find((q) => q.file === file)!.reason;
    expect(reason('scraped/news-please.jsonl#6')).toBe('same bytes as 2022/loukachenko.txt; kept once under that name');
    expect(reason('2022/belarus-sans-date.txt')).toMatch(/^same bytes as scraped\/news-please\.jsonl#5; kept once under that name, because it is dated/);
  });

  it('cleans the same with 1 worker and with 2 (records go to the workers as bytes)', () => {
    const run = (jobs: string) => {
      const build = tempDir(`mixed-jobs-${jobs}`);
      const r = runStage('clean.ts', ['--seeds', seeds, '--build', build, '--jobs', jobs, '--input-fields', vars.INPUT_FIELDS]);
      expect(r.status, r.stderr).toBe(0);
      return ['articles.jsonl', 'quality.jsonl'].map((f) => readFileSync(join(build, 'clean', f), 'utf8'));
    };
    const serial = run('1');
    expect(run('2')).toEqual(serial);
    expect(serial[0]).toBe(readFileSync(join(vars.BUILD, 'clean', 'articles.jsonl'), 'utf8'));
  });

  it('does nothing on a second make with nothing changed', async () => {
    expect(await make(vars)).not.toMatch(/pipeline\/\w+\.ts/);
  });
});

describe('the seeds as one JSON Lines file', () => {
  /** Records without the ids that derive from the document's name, as sorted JSON texts. */
  const comparable = (records: Array<Record<string, unknown>>, docIndex: Map<string, number>): string[] =>
    records.map((r) => {
      const { id: _id, doc_id, removal_id: _r, occurrence_id: _o, quote_group: _q, ...rest } = r;
      return JSON.stringify({ doc: docIndex.get(String(doc_id)), ...rest });
    }).sort();
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

  it('gives the same dates, quotes, events and agreements as the .txt build, and the same document dates', async () => {
    const work = tempDir('seeds-jsonl');
    const corpus = join(work, 'corpus');
    mkdirSync(corpus);
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    writeFileSync(join(corpus, 'seeds.jsonl'), jsonLines(files.map((f) => {
      const text = readFileSync(join(SEEDS, f), 'utf8');
      return { maintext: text, date_publish: /^ date (\d{4}-\d{2})/.exec(text)?.[1] ?? null };
    })));
    const build = join(work, 'build');
    await make({ SEEDS: corpus, BUILD: build }, join(build, 'link', '.done'));

    const txtIndex = new Map(files.map((f, i) => [f.replace(/\.txt$/, ''), i]));
    const jsonlIndex = new Map(files.map((_f, i) => [`seeds.jsonl#${i + 1}`, i]));
    const tables = { dates: 'extract', quotes: 'extract', events: 'link', agreements: 'extract' } as const;
    for (const [table, stage] of Object.entries(tables)) {
      const fromTxt = readJson<Array<Record<string, unknown>>>(join(ROOT, 'dist', `${table}.json`));
      const fromJsonl = lines(join(build, stage, `${table}.jsonl`));
      expect(fromJsonl.length, table).toBe(fromTxt.length);
      expect(comparable(fromJsonl, jsonlIndex), table).toEqual(comparable(fromTxt, txtIndex));
    }
    const dated = (docs: Array<Record<string, unknown>>, index: Map<string, number>) =>
      docs.map((d) => [index.get(String(d.doc_id)), d.published, d.published_precision, d.title, d.text]).sort();
    expect(dated(lines(join(build, 'extract', 'documents.jsonl')), jsonlIndex)).toEqual(dated(readJson(join(ROOT, 'dist', 'documents.json')), txtIndex));
  }, 120_000);
});
