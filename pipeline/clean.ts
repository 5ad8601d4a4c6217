#!/usr/bin/env -S node --import tsx
// Stage 1, clean: raw article files in SEEDS -> BUILD/clean/articles.jsonl (one cleaned
// article per line) and BUILD/clean/quality.jsonl (files rejected or repaired).
import { fs, path } from 'zx';
import { cleanArticle } from './lib/clean.ts';
import { docIdOf } from './lib/extract/index.ts';
import { sha256Hex } from './lib/ids.ts';
import { rejectBytes, rejectText } from './lib/inspect.ts';
import { JsonlWriter } from './lib/io/jsonl.ts';
import { Progress } from './lib/progress.ts';
import { formatQualityLine, type QualityEntry } from './lib/quality.ts';
import { runStage, stageArgs } from './lib/stage.ts';

runStage('clean', async () => {
  const { seeds, build } = stageArgs();
  const names = (await fs.readdir(seeds, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const articles = new JsonlWriter<object>(path.join(build, 'clean', 'articles.jsonl'));
  const quality = new JsonlWriter<QualityEntry>(path.join(build, 'clean', 'quality.jsonl'));
  const report = async (entry: QualityEntry) => {
    console.error(formatQualityLine(entry));
    await quality.write(entry);
  };

  const txt = names.filter((n) => n.toLowerCase().endsWith('.txt')).sort((a, b) => (docIdOf(a) < docIdOf(b) ? -1 : docIdOf(a) > docIdOf(b) ? 1 : 0));
  for (const name of names.filter((n) => !n.toLowerCase().endsWith('.txt')).sort()) {
    await report({ file: name, sha256: null, outcome: 'rejected', code: 'not_txt', reason: 'not a .txt article file; skipped', stage: 'clean' });
  }
  const seen = new Map<string, string>();
  const progress = new Progress('clean', txt.length);
  for (const name of txt) {
    const bytes = await fs.readFile(path.join(seeds, name));
    progress.tick(bytes.length);
    const sha256 = sha256Hex(bytes);
    const bad = rejectBytes(bytes);
    if (bad) { await report({ file: name, sha256, outcome: 'rejected', ...bad, stage: 'clean' }); continue; }
    const first = seen.get(sha256);
    if (first) {
      await report({ file: name, sha256, outcome: 'rejected', code: 'duplicate', reason: `same bytes as ${first}; kept once under that name`, stage: 'clean' });
      continue;
    }
    seen.set(sha256, name);
    const cleaned = cleanArticle(bytes, name);
    const empty = rejectText(cleaned.text);
    if (empty) { await report({ file: name, sha256, outcome: 'rejected', ...empty, stage: 'clean' }); continue; }
    for (const code of cleaned.repairs) {
      await report({ file: name, sha256, outcome: 'published', code, reason: `repaired: ${code.replace(/_/g, ' ')}`, stage: 'clean' });
    }
    await articles.write({ doc_id: docIdOf(name), ...cleaned });
  }
  progress.finish();
  await articles.close();
  await quality.close();
  console.error(`clean: ${articles.count} articles kept, ${quality.count} quality notes`);
});
