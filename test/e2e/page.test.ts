// The dataset page as a person uses it: dist/ built from seeds/, served on localhost, opened in
// headless Chromium (Debian's package, driven by playwright-core; no browser is downloaded).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, listen } from '../../pipeline/lib/site/static-server.ts';
import { make, ROOT, runStage, tempDir } from '../helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Under build/, which git ignores, so that a person can look at it after the run. */
const SCREENSHOT = join(ROOT, 'build', 'e2e', 'index.png');

// Drawn on the timeline: dated to a year or finer (a decade or a century is only counted).
const TIMELINE_PRECISIONS = ['day', 'week', 'month', 'season', 'year'];
const TOP_SPEAKERS = 25;

// Without Chromium a developer's run skips this file; in CI (.ci/run installs Chromium) it must run.
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!runnable) console.warn(`test/e2e/page.test.ts skipped: ${CHROMIUM} is missing (apt-get install -y chromium) and CI is not set`);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!runnable)('the dataset page in a browser', () => {
  // E2E_DIST=folder checks an already built dist (site stage run on it) instead of building one.
  const work = tempDir('site-e2e');
  const dist = process.env.E2E_DIST ?? join(work, 'dist');
  const table = <T>(name: string): T[] => JSON.parse(readFileSync(join(dist, `${name}.json`), 'utf8')) as T[];
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.E2E_DIST) {
      await make({ SEEDS: join(ROOT, 'seeds'), BUILD: join(work, 'build'), DIST: dist });
      // Harmless once the Makefile runs the site stage itself: the page is the same bytes.
      const site = runStage('site.ts', ['--dist', dist]);
      if (site.status !== 0) throw new Error(`site stage failed:\n${site.stderr}`);
    }
    server = createStaticServer(dist);
    const url = await listen(server, 0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('draws the charts with one mark per dated event, per speaker and per agreement status', async () => {
    const events = table<{ date: string | null; precision: string | null }>('events');
    const dated = events.filter((e) => e.date != null && TIMELINE_PRECISIONS.includes(e.precision ?? '')).length;
    const speakers = new Set(table<{ speaker: string | null }>('quotes').map((q) => q.speaker ?? '(unattributed)')).size;
    const statuses = new Set(table<{ status: string }>('agreements').map((a) => a.status)).size;

    expect(await page.locator('#chart-timeline g.mark-event circle').count()).toBe(dated);
    expect(await page.locator('#chart-speakers g.mark-speaker rect').count()).toBe(Math.min(speakers, TOP_SPEAKERS));
    expect(await page.locator('#chart-agreements g.mark-status rect').count()).toBe(statuses);
    for (const [chart, marks] of [['timeline', dated], ['speakers', speakers], ['agreements', statuses]] as const) {
      // a chart is drawn exactly when there is something to draw, else the page says so
      expect((await page.locator(`#chart-${chart} svg`).count()) > 0, chart).toBe(marks > 0);
      expect(await page.locator(`#chart-${chart} .empty`).isVisible(), chart).toBe(marks === 0);
    }
  });

  it('downloads the exact published files', async () => {
    for (const file of ['events.parquet', 'documents.csv']) {
      const link = page.locator(`a.download[href="${file}"]`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const received = readFileSync(await download.path());
      const published = readFileSync(join(dist, file));
      expect(received.equals(published), file).toBe(true);
      expect(await link.getAttribute('data-sha256'), file).toBe(sha256(published));
    }
  });

  it('answers SQL in the page with DuckDB-WASM over the Parquet files', async () => {
    await page.fill('#sql-input', 'SELECT count(*) AS n FROM events');
    await page.click('#sql-run');
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#sql-form')?.dataset.state ?? ''), null, { timeout: 90_000 });
    expect(await page.textContent('#sql-status')).not.toMatch(/error|failed/i);
    expect(await page.locator('#sql-result th').allTextContents()).toEqual(['n']);
    expect(Number(await page.textContent('#sql-result td'))).toBe(table('events').length);

    // a ready example: one row per speaker, as the published summary
    await page.click('button.example:text-is("quotes_per_speaker")');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#sql-form')?.dataset.state === 'done' && document.querySelector('#sql-result th')?.textContent === 'speaker', null, { timeout: 30_000 });
    const summaryRows = readFileSync(join(dist, 'summaries', 'quotes_per_speaker.csv'), 'utf8').trim().split('\n').length - 1;
    expect(await page.locator('#sql-result tbody tr').count()).toBe(summaryRows);
  });

  it('filters the searchable tables as one types', async () => {
    const documents = table<{ doc_id: string }>('documents').map((d) => d.doc_id);
    const events = table<{ doc_id: string }>('events');
    const rows = page.locator('#events-search tbody tr');
    expect(await rows.count()).toBe(events.length);
    if (events.length === 0) return;
    const docId = events[0].doc_id;
    expect(documents).toContain(docId);
    await page.fill('#events-search input[type=search]', docId);
    expect(await page.locator('#events-search tbody tr:visible').count()).toBe(events.filter((e) => e.doc_id === docId).length);
    await page.fill('#events-search input[type=search]', '');
  });

  it('saves a screenshot', async () => {
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });
});
