#!/usr/bin/env -S node --import tsx
// Stage 8, site: DIST/index.html, a page for people who do not read code: every table with its
// downloads (size, sha256) and data dictionary, charts of the events, quotations and agreements,
// searchable quotations and events, an SQL box (DuckDB-WASM in the page over the Parquet files),
// the quality report and, when DIST/quality/eval.json exists, the evaluation scores. Runs after
// catalog (it reads datapackage.json); its script and DuckDB-WASM go to DIST/site/. The tables are
// read through DuckDB from their Parquet files (counts, the first rows listed, aggregates), never whole.
import { statSync } from 'node:fs';
import { writeFileAtomicSync } from './lib/io/jsonl.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTableSchemas } from './lib/schema.ts';
import { writeSiteAssets } from './lib/site/assets.ts';
import { formatBytes } from './lib/site/html.ts';
import { loadSiteData } from './lib/site/load.ts';
import { renderPage } from './lib/site/page.ts';
import { runStage, stageArgs } from './lib/stage.ts';

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));

runStage('site', async () => {
  const { dist } = stageArgs();
  const data = await loadSiteData(dist, loadTableSchemas(), SQL_DIR);
  const page = join(dist, 'index.html');
  writeFileAtomicSync(page, renderPage(data));
  const written = [page, ...(await writeSiteAssets(dist))];
  console.error(`site: ${written.map((f) => `${f} (${formatBytes(statSync(f).size)})`).join(', ')}`);
});
