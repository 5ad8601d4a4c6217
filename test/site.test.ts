import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB, readJsonlSql, sqlString } from '../pipeline/lib/duckdb.ts';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { TOP_SPEAKERS } from '../pipeline/lib/site/charts.ts';
import { formatBytes, withInlineCode } from '../pipeline/lib/site/html.ts';
import { loadSiteData } from '../pipeline/lib/site/load.ts';
import { agreementsByStatus, quotesPerSpeaker, type PageAgreement, type PageEvent, type PageQuote, type SiteData } from '../pipeline/lib/site/model.ts';
import { renderPage } from '../pipeline/lib/site/page.ts';
import { MAX_SEARCHABLE_ROWS } from '../pipeline/lib/site/records-section.ts';
import { periodOf } from '../pipeline/lib/site/periods.ts';
import { contentType, createStaticServer, listen, parseRange, resolveUnder } from '../pipeline/lib/site/static-server.ts';
import { ROOT, runStage, tempDir } from './helpers.ts';

const iso = (d: Date | undefined) => d?.toISOString().slice(0, 10);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function event(id: string, type: PageEvent['type'], date: string | null, precision: PageEvent['precision'], doc = 'doc_a'): PageEvent {
  return { id, doc_id: doc, type, trigger: `trigger ${id}`, evidence: `Sentence reporting ${id} <b>.`, actors: ['FRA'], date, precision, location: null, modality: 'asserted' };
}

function quote(id: string, speaker: string | null, kind: PageQuote['kind'] = 'quote', doc = 'doc_a'): PageQuote {
  return { id, doc_id: doc, text: `words of ${id} <script>alert(1)</script>`, kind, speaker, said_on: null };
}

function agreement(id: string, status: PageAgreement['status'], name: string): PageAgreement {
  return { id, doc_id: 'doc_b', name, status };
}

const EVENTS = [
  event('e1', 'AGREE', '2022-12-05', 'day'),
  event('e2', 'ASSAULT', '2022-11', 'month', 'doc_b'),
  event('e3', 'AGREE', '2022-W49', 'week'),
  event('e4', 'PROTEST', '2022', 'year'),
  event('e5', 'OTHER', '199', 'decade'),
  event('e6', 'CONSULT', null, null),
];
const QUOTES = [quote('q1', 'Emmanuel Macron'), quote('q2', 'Emmanuel Macron', 'fragment'), quote('q3', 'Olaf Scholz'), quote('q4', null)];
const AGREEMENTS = [agreement('a1', 'signed', 'Accord de Minsk'), agreement('a2', 'negotiating', 'Traité X'), agreement('a3', 'signed', 'Accord de Paris')];

/** The page's data for these records, aggregated in memory as the site stage does in SQL. */
function siteData(overrides: Partial<SiteData> & { agreements?: PageAgreement[] } = {}): SiteData {
  const schemas = loadTableSchemas();
  const { agreements = AGREEMENTS, ...rest } = overrides;
  const events = rest.events ?? EVENTS;
  const quotes = rest.quotes ?? QUOTES;
  const speakers = quotesPerSpeaker(quotes);
  const counts: Record<string, number> = { events: events.length, quotes: quotes.length, agreements: agreements.length };
  return {
    title: 'Test dataset',
    description: 'A synthetic dist.',
    license: { title: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
    schemas,
    rowCounts: new Map([...schemas.keys()].map((t) => [t, counts[t] ?? 0])),
    tableFiles: new Map([...schemas.keys()].map((t) => [t, ['csv', 'json', 'parquet'].map((f) => ({ path: `${t}.${f}`, format: f, bytes: 1234, sha256: 'ab'.repeat(32) }))])),
    otherFiles: [{ path: 'summaries/timeline.csv', format: 'csv', bytes: 10, sha256: 'cd'.repeat(32) }],
    events,
    quotes,
    speakers: speakers.slice(0, TOP_SPEAKERS),
    speakerCount: speakers.length,
    statuses: agreementsByStatus(agreements, (schemas.get('agreements')?.properties.status?.enum ?? []) as string[]),
    articles: new Map([['doc_a', { title: 'Un titre', published: '2022-12' }], ['doc_b', { title: null, published: null }]]),
    quality: [{ file: 'bad.txt', sha256: null, outcome: 'rejected', code: 'empty_file', reason: 'The file is empty.', stage: 'clean' }],
    evaluation: { docs: 5, missing_tables: [], dates: { gold: 28, pred: 20, tp: 14, p: 0.7, r: 0.5, f1: 0.5833333 }, quotes: { gold: 3, p: 1, r: 1, f1: 1, speaker_acc: 0.5 }, macro_f1: 0.41 },
    realEvaluation: null,
    examples: [{ name: 'quotes_per_speaker', sql: "SELECT coalesce(speaker, '(unattributed)') AS speaker FROM quotes" }],
    ...rest,
  };
}

const parse = (html: string) => parseHTML(html).document;

describe('periods of normalized dates', () => {
  it('maps every dates.value format to the period it names', () => {
    expect([iso(periodOf('2022-12-05')?.start), iso(periodOf('2022-12-05')?.end)]).toEqual(['2022-12-05', '2022-12-06']);
    expect([iso(periodOf('2022-12')?.start), iso(periodOf('2022-12')?.end)]).toEqual(['2022-12-01', '2023-01-01']);
    expect([iso(periodOf('2022-W01')?.start), iso(periodOf('2022-W01')?.end)]).toEqual(['2022-01-03', '2022-01-10']);
    expect([iso(periodOf('2020-W53')?.start)]).toEqual(['2020-12-28']);
    expect([iso(periodOf('2022-SU')?.start), iso(periodOf('2022-SU')?.end)]).toEqual(['2022-06-21', '2022-09-22']);
    expect([iso(periodOf('2022-WI')?.start), iso(periodOf('2022-WI')?.end)]).toEqual(['2022-12-21', '2023-03-20']);
    expect([iso(periodOf('2022')?.start), iso(periodOf('2022')?.end)]).toEqual(['2022-01-01', '2023-01-01']);
    expect([iso(periodOf('199')?.start), iso(periodOf('199')?.end)]).toEqual(['1990-01-01', '2000-01-01']);
    expect([iso(periodOf('18')?.start), iso(periodOf('18')?.end)]).toEqual(['1800-01-01', '1900-01-01']);
    expect(periodOf(null)).toBeNull();
    expect(periodOf('December 2022')).toBeNull();
  });
});

describe('aggregations behind the charts', () => {
  it('counts quotations per speaker, most quoted first, like quotes_per_speaker.sql', () => {
    expect(quotesPerSpeaker(QUOTES)).toEqual([
      { speaker: 'Emmanuel Macron', quotes: 2, fragments: 1, articles: 1 },
      { speaker: '(unattributed)', quotes: 1, fragments: 0, articles: 1 },
      { speaker: 'Olaf Scholz', quotes: 1, fragments: 0, articles: 1 },
    ]);
  });

  it('counts agreements per status in the order of the schema, skipping absent statuses', () => {
    expect(agreementsByStatus(AGREEMENTS, ['signed', 'in_force', 'negotiating'])).toEqual([
      { status: 'signed', agreements: 2, names: ['Accord de Minsk', 'Accord de Paris'] },
      { status: 'negotiating', agreements: 1, names: ['Traité X'] },
    ]);
  });
});

describe('the page', () => {
  const html = renderPage(siteData());
  const doc = parse(html);

  it('is the same bytes for the same data', () => {
    expect(renderPage(siteData())).toBe(html);
  });

  it('draws one timeline dot per event dated to a year or finer, each with its evidence, article and a link to its row', () => {
    const dots = [...doc.querySelectorAll('#chart-timeline g.mark-event circle')];
    expect(dots).toHaveLength(4); // e5 (decade) and e6 (undated) are not drawn
    expect(doc.querySelector('#chart-timeline')?.getAttribute('data-marks')).toBe('4');
    expect(doc.querySelector('#chart-timeline figcaption')?.textContent).toContain('1 event(s) dated only to a decade or a century');
    const titles = dots.map((d) => d.querySelector('title')?.textContent ?? '');
    expect(titles.some((t) => t.includes('Sentence reporting e1 <b>.') && t.includes('Article: Un titre (doc_a)'))).toBe(true);
    expect(titles.some((t) => t.includes('Article: doc_b'))).toBe(true);
    for (const link of doc.querySelectorAll('#chart-timeline a')) {
      const target = link.getAttribute('href')!.slice(1);
      expect(doc.getElementById(target)?.tagName, target).toBe('TR');
    }
    // the colour legend names the PLOVER types drawn
    expect(doc.querySelector('#chart-timeline')?.textContent).toContain('ASSAULT');
  });

  it('draws one bar per speaker and one per agreement status', () => {
    expect(doc.querySelectorAll('#chart-speakers g.mark-speaker rect')).toHaveLength(3);
    expect(doc.querySelectorAll('#chart-agreements g.mark-status rect')).toHaveLength(2);
    const signed = [...doc.querySelectorAll('#chart-agreements rect title')].map((t) => t.textContent).find((t) => t?.startsWith('signed'));
    expect(signed).toContain('Accord de Minsk');
  });

  it('caps the speaker chart at the most quoted speakers', () => {
    const many = Array.from({ length: TOP_SPEAKERS + 5 }, (_, i) => quote(`q${i}`, `Speaker ${String(i).padStart(2, '0')}`));
    const page = parse(renderPage(siteData({ quotes: many })));
    expect(page.querySelectorAll('#chart-speakers g.mark-speaker rect')).toHaveLength(TOP_SPEAKERS);
    expect(page.querySelectorAll('#quotes-search tbody tr')).toHaveLength(TOP_SPEAKERS + 5);
  });

  it('lists every table with its row count, downloads (size, sha256) and columns from the schema', () => {
    const events = doc.querySelector('#table-events')!;
    expect(events.querySelector('.rows')?.getAttribute('data-rows')).toBe(String(EVENTS.length));
    const links = [...events.querySelectorAll('a.download')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['events.csv', 'events.json', 'events.parquet']);
    expect(events.querySelector('a.download')?.getAttribute('data-sha256')).toBe('ab'.repeat(32));
    expect(events.textContent).toContain(formatBytes(1234));
    const columns = [...events.querySelectorAll('table.columns tbody tr td:first-child')].map((td) => td.textContent);
    expect(columns).toContain('evidence');
    expect(events.textContent).toContain('PLOVER top-level category');
    expect(doc.querySelectorAll('section.table')).toHaveLength(loadTableSchemas().size);
  });

  it('has searchable quotations and events, escaped', () => {
    expect(doc.querySelectorAll('#quotes-search tbody tr')).toHaveLength(QUOTES.length);
    expect(doc.querySelectorAll('#events-search tbody tr')).toHaveLength(EVENTS.length);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(doc.querySelector('#quote-q1')?.getAttribute('data-search')).toContain('emmanuel macron');
  });

  it('offers the SQL box with the summary queries as examples', () => {
    expect(doc.querySelector('#sql-form')?.getAttribute('data-tables')?.split(' ')).toContain('events');
    expect(doc.querySelector('button.example')?.getAttribute('data-sql')).toContain("coalesce(speaker, '(unattributed)')");
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBe('site/app.js');
  });

  it('shows the quality report and the evaluation scores as a table', () => {
    expect(doc.querySelector('#quality')?.textContent).toContain('The file is empty.');
    const scoreRows = [...doc.querySelectorAll('#evaluation table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    const header = [...doc.querySelectorAll('#evaluation table th')].map((th) => th.textContent);
    expect(header.slice(0, 7)).toEqual(['task', 'gold', 'pred', 'tp', 'p', 'r', 'f1']);
    expect(scoreRows[0].slice(0, 7)).toEqual(['dates', '28', '20', '14', '0.700', '0.500', '0.583']);
    expect(doc.querySelector('#evaluation .headline')?.textContent).toContain('macro_f1: 0.410');
  });

  it('shows the real-article scores beside the build\'s own when make eval-real wrote them', () => {
    const real = { docs: 36, events: { gold: 289, pred: 293, tp: 218, p: 0.744, r: 0.754, f1: 0.749 }, macro_f1: 0.895 };
    const doc = parse(renderPage(siteData({ realEvaluation: real })));
    const titles = [...doc.querySelectorAll('#evaluation h3')].map((h) => h.textContent);
    expect(titles).toEqual(["This build's articles", 'Real articles']);
    expect(doc.querySelector('#evaluation a[href="quality/eval-real.json"]')).not.toBeNull();
    expect(doc.querySelectorAll('#evaluation table')).toHaveLength(2);
    const onlyReal = parse(renderPage(siteData({ evaluation: null, realEvaluation: real })));
    expect([...onlyReal.querySelectorAll('#evaluation h3')].map((h) => h.textContent)).toEqual(['Real articles']);
  });

  it('works with no rows and no evaluation', () => {
    const empty = parse(renderPage(siteData({ events: [], quotes: [], agreements: [], quality: [], evaluation: null })));
    for (const chart of ['chart-timeline', 'chart-speakers', 'chart-agreements']) {
      expect(empty.querySelector(`#${chart}`)?.getAttribute('data-marks'), chart).toBe('0');
      expect(empty.querySelector(`#${chart} svg`), chart).toBeNull();
    }
    expect(empty.querySelector('#evaluation')).toBeNull();
    expect(empty.querySelector('nav')?.textContent).not.toContain('Scores');
    expect(empty.querySelector('#quality')?.textContent).toContain('without a warning');
  });

  it('turns the schemas\' backticks into code', () => {
    expect(withInlineCode('see `documents.text` & <more>')).toBe('see <code>documents.text</code> &amp; &lt;more&gt;');
  });
});

describe('reading a dist folder', () => {
  /** Writes each table's Parquet file (as publish does, through DuckDB) from records in memory. */
  async function writeParquet(dist: string, tables: Record<string, Record<string, unknown>[]>): Promise<void> {
    const { instance, con } = await openDuckDB();
    for (const [name, schema] of loadTableSchemas()) {
      const jsonl = join(dist, `${name}.jsonl`);
      writeFileSync(jsonl, (tables[name] ?? []).map((r) => JSON.stringify(r) + '\n').join(''));
      await con.run(`COPY (SELECT * FROM ${readJsonlSql(jsonl, schema)}) TO ${sqlString(join(dist, `${name}.parquet`))} (FORMAT parquet)`);
    }
    con.closeSync();
    instance.closeSync();
  }

  function writeDataPackage(dist: string): void {
    const resources = [...loadTableSchemas().keys()].flatMap((t) => ['csv', 'json', 'parquet'].map((f) => ({ path: `${t}.${f}`, format: f, bytes: 3, hash: `sha256:${'0'.repeat(64)}` })));
    resources.push({ path: 'summaries/timeline.csv', format: 'csv', bytes: 9, hash: `sha256:${'1'.repeat(64)}` });
    writeFileSync(join(dist, 'datapackage.json'), JSON.stringify({ title: 'T', description: 'D', licenses: [{ name: 'CC-BY-4.0', path: 'https://x', title: 'CC' }], resources }));
  }

  it('takes downloads from datapackage.json, rows and aggregates from the Parquet tables and scores from quality/eval.json', async () => {
    const dist = tempDir('site-dist');
    const schemas = loadTableSchemas();
    writeDataPackage(dist);
    await writeParquet(dist, { events: EVENTS, quotes: QUOTES, agreements: AGREEMENTS, documents: [{ doc_id: 'doc_a', title: 'Un titre', published: null }] });
    mkdirSync(join(dist, 'quality'));
    writeFileSync(join(dist, 'quality', 'report.json'), '[]');
    writeFileSync(join(dist, 'quality', 'eval.json'), JSON.stringify({ macro_f1: 0.5 }));

    const data = await loadSiteData(dist, schemas, join(ROOT, 'pipeline', 'sql'));
    expect(data.rowCounts.get('events')).toBe(EVENTS.length);
    expect(data.events).toEqual(EVENTS);
    expect(data.quotes).toEqual(QUOTES);
    expect(data.speakers).toEqual(quotesPerSpeaker(QUOTES));
    expect(data.speakerCount).toBe(3);
    expect(data.statuses).toEqual(agreementsByStatus(AGREEMENTS, ['signed', 'in_force', 'negotiating', 'planned', 'rejected']));
    expect(data.tableFiles.get('quotes')?.map((f) => f.path)).toEqual(['quotes.csv', 'quotes.json', 'quotes.parquet']);
    expect(data.otherFiles).toEqual([{ path: 'summaries/timeline.csv', format: 'csv', bytes: 9, sha256: '1'.repeat(64) }]);
    expect(data.articles.get('doc_a')?.title).toBe('Un titre');
    expect(data.evaluation).toEqual({ macro_f1: 0.5 });
    expect(data.examples.map((e) => e.name)).toContain('quotes_per_speaker');
  });

  it('reads only the first rows of a large table and the most quoted speakers', async () => {
    const dist = tempDir('site-dist-large');
    writeDataPackage(dist);
    const events = Array.from({ length: MAX_SEARCHABLE_ROWS + 7 }, (_, i) => event(`e${String(i).padStart(5, '0')}`, 'AGREE', null, null));
    const quotes = Array.from({ length: TOP_SPEAKERS + 5 }, (_, i) => Array.from({ length: i + 1 }, (_, j) => quote(`q${i}-${j}`, `Speaker ${String(i).padStart(2, '0')}`))).flat();
    await writeParquet(dist, { events, quotes });

    const data = await loadSiteData(dist, loadTableSchemas(), join(ROOT, 'pipeline', 'sql'));
    expect(data.rowCounts.get('events')).toBe(events.length);
    expect(data.events).toEqual(events.slice(0, MAX_SEARCHABLE_ROWS));
    expect(data.quotes).toHaveLength(quotes.length);
    expect(data.speakers).toEqual(quotesPerSpeaker(quotes).slice(0, TOP_SPEAKERS));
    expect(data.speakerCount).toBe(TOP_SPEAKERS + 5);
    expect(data.statuses).toEqual([]);
    const page = parse(renderPage(data));
    expect(page.querySelectorAll('#events-search tbody tr')).toHaveLength(MAX_SEARCHABLE_ROWS);
    expect(page.querySelector('#events-search .match-count')?.textContent).toBe(`${MAX_SEARCHABLE_ROWS.toLocaleString('en-US')} of ${events.length.toLocaleString('en-US')} rows`);
    expect(page.querySelector('#chart-speakers figcaption')?.textContent).toContain(`the ${TOP_SPEAKERS} most quoted of ${TOP_SPEAKERS + 5}`);
  });
});

describe('the static file server', () => {
  it('parses byte ranges', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
  });

  it('names the types DuckDB-WASM and browsers need and stays inside its root', () => {
    expect(contentType('site/x.wasm')).toBe('application/wasm');
    expect(contentType('events.parquet')).toBe('application/vnd.apache.parquet');
    expect(contentType('site/app.js')).toMatch(/^text\/javascript/);
    expect(contentType('events.csv')).toMatch(/^text\/csv/);
    expect(resolveUnder('/srv/dist', '/')).toBe('/srv/dist/index.html');
    expect(resolveUnder('/srv/dist', '/../etc/passwd')).toBeNull();
    expect(resolveUnder('/srv/dist', '/%2e%2e/etc/passwd')).toBeNull();
  });

  describe('over HTTP', () => {
    const root = tempDir('site-serve');
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    writeFileSync(join(root, 'data.parquet'), bytes);
    const server = createStaticServer(root);
    let base = '';
    beforeAll(async () => {
      base = await listen(server, 0);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('answers range requests with the exact bytes', async () => {
      const res = await fetch(`${base}data.parquet`, { headers: { Range: 'bytes=10-19' } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe('bytes 10-19/256');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(10, 20));
    });

    it('answers HEAD and whole-file GET, and 404 outside the files', async () => {
      const head = await fetch(`${base}data.parquet`, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-length'), head.headers.get('accept-ranges')]).toEqual([200, '256', 'bytes']);
      const whole = await fetch(`${base}data.parquet`);
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
      expect((await fetch(`${base}missing.csv`)).status).toBe(404);
      expect((await fetch(`${base}data.parquet`, { headers: { Range: 'bytes=300-' } })).status).toBe(416);
      expect(typeof (server.address() as AddressInfo).port).toBe('number');
    });
  });
});

describe('the site stage on a real build', () => {
  it('writes index.html deterministically and ships DuckDB-WASM inflating to the packaged module', () => {
    const dist = tempDir('site-stage');
    // a small dist: the committed one, whose datapackage.json matches its files
    for (const f of readFileSync(join(ROOT, 'dist', 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split('  ')[1])) {
      mkdirSync(join(dist, f, '..'), { recursive: true });
      writeFileSync(join(dist, f), readFileSync(join(ROOT, 'dist', f)));
    }
    const first = runStage('site.ts', ['--dist', dist]);
    expect(first.status, first.stderr).toBe(0);
    const page = readFileSync(join(dist, 'index.html'));
    const again = runStage('site.ts', ['--dist', dist]);
    expect(again.status, again.stderr).toBe(0);
    expect(sha256(readFileSync(join(dist, 'index.html')))).toBe(sha256(page));
    const wasm = readFileSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    expect(gunzipSync(readFileSync(join(dist, 'site', 'duckdb-eh.wasm.gz'))).equals(wasm)).toBe(true);
    expect(readFileSync(join(dist, 'site', 'app.js'), 'utf8')).toContain('DecompressionStream');
  });
});
