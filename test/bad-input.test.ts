import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CleanedArticle } from '../pipeline/lib/clean.ts';
import { endsMidSentence, MAX_ARTICLE_BYTES, unbalancedQuotes } from '../pipeline/lib/inspect.ts';
import { isCalendarDate } from '../pipeline/lib/extract/dates/calendar.ts';
import { guessLanguage } from '../pipeline/lib/language.ts';
import { CLEAN_QUALITY_CODES, type QualityEntry } from '../pipeline/lib/quality.ts';
import { decodeBytes } from '../pipeline/lib/text/decode.ts';
import { letRunnerIn, liveProcesses, make, ROOT, runStage, tempDir, until } from './helpers.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'bad');
type Article = CleanedArticle & { doc_id: string };

const readJsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Expectation {
  file: string;
  problem: string;
  outcome: 'published' | 'rejected';
  /** Codes of the file's quality entries; none for a clean publication. */
  codes: string[];
  /** Further checks on the cleaned article (published) or the reason (rejected). */
  check?: (article: Article | undefined, entries: QualityEntry[]) => void;
}

const EXPECTED: Expectation[] = [
  { file: 'article-valide.txt', problem: 'a good article', outcome: 'published', codes: [],
    check: (a) => expect(a!.header_date).toBe('2023-06-14') },
  { file: 'vide.txt', problem: 'empty file', outcome: 'rejected', codes: ['empty_file'] },
  { file: 'espaces-seulement.txt', problem: 'whitespace only', outcome: 'rejected', codes: ['whitespace_only'] },
  { file: 'image-png.txt', problem: 'binary file (PNG bytes)', outcome: 'rejected', codes: ['binary_file'] },
  { file: 'windows-1252.txt', problem: 'French text in Windows-1252', outcome: 'published', codes: ['converted_from_windows1252'],
    check: (a) => {
      expect(a!.encoding).toBe('windows-1252');
      expect(a!.text).toContain('d’€');
      expect(a!.text).toContain('œuvre');
      expect(a!.text).toContain('européenne');
    } },
  { file: 'utf16-bom.txt', problem: 'UTF-16 with BOM', outcome: 'published', codes: ['converted_from_utf16'],
    check: (a) => {
      expect(a!.encoding).toBe('utf-16le');
      expect(a!.text.startsWith('Le Parlement a adopté')).toBe(true);
    } },
  { file: 'utf8-bom-crlf.txt', problem: 'UTF-8 with BOM and CRLF', outcome: 'published', codes: ['bom_stripped'],
    check: (a) => {
      expect(a!.encoding).toBe('utf-8-bom');
      expect(a!.text).not.toMatch(/[\r\uFEFF]/);
      expect(a!.paragraphs).toBe(2);
    } },
  { file: 'utf8-octets-invalides.txt', problem: 'invalid UTF-8 bytes in the middle', outcome: 'published', codes: ['invalid_utf8_replaced'],
    check: (a, entries) => {
      expect(a!.encoding).toBe('utf-8');
      expect(a!.text).toContain('Les négociations');
      expect(a!.text).toContain('« confiante »');
      expect(a!.text.match(/\uFFFD/g)).toHaveLength(3);
      expect(entries[0].reason).toContain('3 invalid UTF-8 byte sequences');
    } },
  { file: 'anglais.txt', problem: 'an article in English', outcome: 'rejected', codes: ['not_french'],
    check: (_a, entries) => expect(entries[0].reason).toMatch(/written in en\b/) },
  { file: 'russe.txt', problem: 'an article in Russian', outcome: 'rejected', codes: ['not_french'],
    check: (_a, entries) => expect(entries[0].reason).toMatch(/written in ru\b/) },
  { file: 'doublon-1.txt', problem: 'the same article twice (kept copy)', outcome: 'published', codes: [] },
  { file: 'doublon-2.txt', problem: 'the same article twice (second name)', outcome: 'rejected', codes: ['duplicate'],
    check: (_a, entries) => expect(entries[0].reason).toContain('doublon-1.txt') },
  { file: 'tronque.txt', problem: 'cut mid-sentence and mid-quote', outcome: 'published', codes: ['truncated_text', 'unbalanced_quotes'],
    check: (a) => expect(a!.text.endsWith('ne reculerons pas devant')).toBe(true) },
  { file: 'guillemets-desequilibres.txt', problem: 'unbalanced quote marks', outcome: 'published', codes: ['unbalanced_quotes'] },
  { file: 'date-impossible.txt', problem: 'header with an impossible date', outcome: 'published', codes: ['invalid_header_date'],
    check: (a) => {
      expect(a!.header_date).toBe('2022-13');
      expect(a!.text.startsWith('Le tribunal administratif')).toBe(true);
      expect(a!.removals.map((r) => r.reason)).toEqual(['date_header']);
    } },
  { file: 'article avec espaces é à ç.txt', problem: 'file name with spaces and accents', outcome: 'published', codes: [],
    check: (a) => expect(a!.doc_id).toBe('article avec espaces é à ç') },
  { file: 'notes.md', problem: 'a non-.txt file', outcome: 'rejected', codes: ['not_txt'] },
  { file: 'entete-seul.txt', problem: 'a file with only a header', outcome: 'rejected', codes: ['header_only'] },
];

describe('clean stage on test/fixtures/bad: every file ends published or rejected with a reason', () => {
  const build = tempDir('bad-clean');
  let status: number | null = null;
  let stderr = '';
  let quality: QualityEntry[] = [];
  let articles: Article[] = [];

  beforeAll(() => {
    ({ status, stderr } = runStage('clean.ts', ['--seeds', FIXTURES, '--build', build]));
    quality = readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl'));
    articles = readJsonl<Article>(join(build, 'clean', 'articles.jsonl'));
  });

  it('succeeds without --strict, and every fixture file has an expectation', () => {
    expect(status, stderr).toBe(0);
    expect(readdirSync(FIXTURES).sort()).toEqual(EXPECTED.map((e) => e.file).sort());
  });

  it.each(EXPECTED)('$problem: $file -> $outcome $codes', (expected) => {
    const entries = quality.filter((q) => q.file === expected.file);
    const article = articles.find((a) => a.source_file === expected.file);
    expect(entries.map((e) => e.code).sort()).toEqual([...expected.codes].sort());
    expect(article !== undefined).toBe(expected.outcome === 'published');
    for (const e of entries) {
      expect(e.outcome).toBe(expected.outcome);
      expect(CLEAN_QUALITY_CODES[e.code as keyof typeof CLEAN_QUALITY_CODES]?.[0]).toBe(e.outcome);
      expect(e.stage).toBe('clean');
      expect(e.reason.length).toBeGreaterThan(5);
      expect(e.sha256).toBe(sha256(readFileSync(join(FIXTURES, expected.file))));
      // one line per problem on stderr, naming the file and the reason
      expect(stderr).toContain(`${e.outcome === 'rejected' ? 'rejected' : 'warning'}: ${e.file}: ${e.reason} [${e.code}]`);
    }
    if (expected.outcome === 'rejected') expect(entries).toHaveLength(1);
    expected.check?.(article, entries);
  });
});

describe('decoding and inspection rules', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c };
  const cp1252 = (s: string) => Buffer.from([...s].map((c) => CP1252_EXTRA[c] ?? c.charCodeAt(0)));
  it.each([
    ['UTF-8 with two stray bytes stays UTF-8, bytes replaced', Buffer.concat([utf8('Les élèves ont été reçus à l’école. '), Buffer.from([0xff, 0x80]), utf8(' Fin.')]), 'utf-8', ['invalid_utf8_replaced']],
    ['Windows-1252 French (no valid multi-byte sequence) is converted', cp1252('Les élèves ont été reçus à l’école, cœur et âme €.'), 'windows-1252', ['converted_from_windows1252']],
    ['Windows-1252 bytes that happen to form one UTF-8 pair stay Windows-1252', Buffer.from([0xc9, 0x92, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0xe0]), 'windows-1252', ['converted_from_windows1252']],
    ['UTF-8 BOM with a broken sequence inside', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Déjà '), Buffer.from([0xc3]), utf8(' là')]), 'utf-8-bom', ['bom_stripped', 'invalid_utf8_replaced']],
  ])('%s', (_name, bytes, encoding, repairs) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.repairs).toEqual(repairs);
  });

  it.each([
    ['2022-13', false], ['2022-00', false], ['2023-02-29', false], ['2024-02-29', true], ['2022-12', true], ['2022-04-31', false], ['22-12', false],
  ])('header date %s is a calendar date: %s', (value, valid) => expect(isCalendarDate(value)).toBe(valid));

  it.each([
    ['« Oui », dit-il.', null], ['« Oui, dit-il.', '1 « for 0 »'], ['“A” et “B', '2 “ for 1 ”'], ['Il a dit "non" puis "oui.', '3 straight "'],
  ])('quotes in %j: %j', (text, problem) => expect(unbalancedQuotes(text)).toBe(problem));

  it.each([
    ['Il est parti.', false], ['« Nous partons. »', false], ['Que faire ?', false], ['Et puis…', false], ['Il a dit que nous', true], ['La liste :', true],
  ])('%j ends mid-sentence: %s', (text, cut) => expect(endsMidSentence(text)).toBe(cut));

  it('does not judge the language of a short text', () => {
    expect(guessLanguage('The minister said no.')).toBeNull();
    expect(guessLanguage('Министр сказал нет.')).toBeNull();
  });
});

describe('extract stage: the budget', () => {
  it('publishes a 100 KB article without a full stop with an extraction_truncated warning, the same outcome from scratch and from the cache', async () => {
    const seeds = tempDir('budget');
    // a scraped table dump: names, places and figures, and not one full stop
    const row = (k: number) => `ligne ${k} : Vladimir Poutine, président de la Russie, à Minsk le 12 mars 2022, a dit « oui » à l’accord de Minsk et aux sanctions ; `;
    const parts = ['Le 3 mars 2022, Emmanuel Macron a déclaré : « Nous sommes prêts. » '];
    for (let bytes = 0, k = 0; bytes < 1e5; k++) {
      parts.push(row(k));
      bytes += Buffer.byteLength(parts[parts.length - 1]);
    }
    writeFileSync(join(seeds, 'dump.txt'), parts.join(''));
    cpSync(join(FIXTURES, 'article-valide.txt'), join(seeds, 'petit.txt'));
    const build = tempDir('budget-build');
    const extract = async (b: string, ...more: string[]) => {
      for (const stage of ['clean.ts', 'extract.ts']) {
        await letRunnerIn();
        const r = runStage(stage, ['--seeds', seeds, '--build', b, ...(stage === 'extract.ts' ? more : [])]);
        expect(r.status, r.stderr).toBe(0);
      }
      return ['quality.jsonl', 'documents.jsonl', 'quotes.jsonl', 'dates.jsonl', 'events.jsonl'].map((f) => readFileSync(join(b, 'extract', f), 'utf8'));
    };
    const first = await extract(build);
    const quality = first[0].trim().split('\n').map((l) => JSON.parse(l) as QualityEntry);
    expect(quality).toEqual([expect.objectContaining({ file: 'dump.txt', outcome: 'published', code: 'extraction_truncated', stage: 'extract' })]);
    expect(first[1]).toContain('"source_file":"dump.txt"');
    expect(first[2]).toContain('Nous sommes prêts.');
    // from the cache, with no cache, and with the pool of workers: the same records and the same report
    expect(await extract(build)).toEqual(first);
    expect(await extract(tempDir('budget-build-2'), '--no-cache', '--jobs', '2', '--in-thread-max', '0')).toEqual(first);
  });
});

describe('clean stage: robustness', () => {
  it(`rejects a 50 MB article as too_large (limit ${MAX_ARTICLE_BYTES} bytes) without reading it, and still publishes the others`, () => {
    const seeds = tempDir('bad-huge');
    const build = tempDir('bad-huge-build');
    const sentence = Buffer.from('Le gouvernement a présenté un plan de soutien aux agriculteurs. ');
    const huge = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < huge.length; i += sentence.length) sentence.copy(huge, i);
    writeFileSync(join(seeds, 'enorme.txt'), huge);
    cpSync(join(FIXTURES, 'article-valide.txt'), join(seeds, 'petit.txt'));
    // a 48 MB heap could not hold the decoded text (Latin-1 and UTF-16 strings) even once
    const r = spawnSync('node', ['--max-old-space-size=48', '--import', 'tsx', join(ROOT, 'pipeline', 'clean.ts'), '--seeds', seeds, '--build', build], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    const quality = readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl'));
    expect(quality).toEqual([{ file: 'enorme.txt', sha256: sha256(huge), outcome: 'rejected', code: 'too_large', reason: expect.stringContaining(`${huge.length} bytes`), stage: 'clean' }]);
    expect(readJsonl<Article>(join(build, 'clean', 'articles.jsonl')).map((a) => a.source_file)).toEqual(['petit.txt']);
  });

  it('reads sub-folders; skips hidden entries, links out of the folder and links to folders; rejects a dangling link alone', () => {
    const seeds = tempDir('bad-odd');
    const build = tempDir('bad-odd-build');
    cpSync(join(FIXTURES, 'article-valide.txt'), join(seeds, 'b.txt'));
    mkdirSync(join(seeds, 'archives.txt', '2021'), { recursive: true });
    cpSync(join(FIXTURES, 'doublon-1.txt'), join(seeds, 'archives.txt', '2021', 'c.txt'));
    mkdirSync(join(seeds, '.git'));
    writeFileSync(join(seeds, '.git', 'x.txt'), 'never read');
    writeFileSync(join(seeds, '.notes.txt'), 'never read');
    symlinkSync(join(seeds, 'nowhere.txt'), join(seeds, 'a-lien-casse.txt'));
    symlinkSync(join(FIXTURES, 'tronque.txt'), join(seeds, 'dehors.txt'));
    symlinkSync(join(seeds, 'archives.txt'), join(seeds, 'lien-dossier'));
    symlinkSync(join(seeds, 'b.txt'), join(seeds, 'lien-interne.txt'));
    const r = runStage('clean.ts', ['--seeds', seeds, '--build', build]);
    expect(r.status, r.stderr).toBe(0);
    const quality = readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl'));
    expect(quality.map((q) => [q.file, q.code])).toEqual([
      ['.git', 'hidden'], ['.notes.txt', 'hidden'], ['dehors.txt', 'link_outside'], ['lien-dossier', 'not_a_file'],
      ['a-lien-casse.txt', 'unreadable'], ['lien-interne.txt', 'duplicate'],
    ]);
    expect(readJsonl<Article>(join(build, 'clean', 'articles.jsonl')).map((a) => [a.doc_id, a.source_file])).toEqual([['archives.txt/2021/c', 'archives.txt/2021/c.txt'], ['b', 'b.txt']]);
  });

  it('keeps one copy of the same text in two encodings, naming the kept file; copies of a rejected file are rejected alike', () => {
    const seeds = tempDir('bad-dup-text');
    const build = tempDir('bad-dup-text-build');
    const text = 'Le conseil municipal a voté jeudi soir la création de trois nouvelles pistes cyclables dans le centre-ville. Les travaux commenceront au printemps et devraient durer six mois.\n';
    writeFileSync(join(seeds, 'a.txt'), text);
    writeFileSync(join(seeds, 'b.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    // two copies of a rejected file are each rejected for their own reason, not as a copy of a file never kept
    cpSync(join(FIXTURES, 'anglais.txt'), join(seeds, 'c.txt'));
    cpSync(join(FIXTURES, 'anglais.txt'), join(seeds, 'd.txt'));
    const r = runStage('clean.ts', ['--seeds', seeds, '--build', build]);
    expect(r.status, r.stderr).toBe(0);
    const quality = readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl'));
    expect(quality.map((q) => [q.file, q.code])).toEqual([['b.txt', 'duplicate'], ['c.txt', 'not_french'], ['d.txt', 'not_french']]);
    expect(quality[0].reason).toContain('a.txt');
  });

  it('keeps the better copy of one article: a dated one, then one not repaired; the copy replaced takes its warnings with it', () => {
    const seeds = tempDir('bad-better-copy');
    const build = tempDir('bad-better-copy-build');
    const text = 'Le conseil municipal a voté jeudi soir la création de trois nouvelles pistes cyclables dans le centre-ville. Les travaux commenceront au printemps et devraient durer six mois.\n';
    writeFileSync(join(seeds, 'a.txt'), ` date 2022-13 ${text}`);
    writeFileSync(join(seeds, 'b.txt'), ` date 2022-02 ${text}`);
    const other = 'Le musée a rouvert ses portes après deux ans de travaux, avec une aile consacrée à l’art contemporain et des salles rénovées.\n';
    writeFileSync(join(seeds, 'c.txt'), Buffer.from(other.replace('’', '\u0092'), 'latin1'));
    writeFileSync(join(seeds, 'd.txt'), other);
    const r = runStage('clean.ts', ['--seeds', seeds, '--build', build]);
    expect(r.status, r.stderr).toBe(0);
    expect(readJsonl<Article>(join(build, 'clean', 'articles.jsonl')).map((a) => [a.source_file, a.header_date])).toEqual([['b.txt', '2022-02'], ['d.txt', null]]);
    const quality = readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl'));
    expect(quality.map((q) => [q.file, q.code, q.reason])).toEqual([
      ['a.txt', 'duplicate', 'same text as b.txt once decoded and cleaned; kept once under that name, because it is dated (a valid date header or a metadata date)'],
      ['c.txt', 'duplicate', 'same text as d.txt once decoded and cleaned; kept once under that name, because it needed no repair'],
    ]);
  });

  it('with --shard i/N, the shards together clean and report every file exactly once, duplicates included', () => {
    const whole = tempDir('bad-shard-all');
    expect(runStage('clean.ts', ['--seeds', FIXTURES, '--build', whole]).status).toBe(0);
    const summary = (build: string) => ({
      published: readJsonl<Article>(join(build, 'clean', 'articles.jsonl')).map((a) => a.source_file),
      notes: readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl')).map((q) => `${q.file} ${q.outcome} ${q.code}`),
    });
    const shards = [0, 1].map((i) => {
      const build = tempDir(`bad-shard-${i}`);
      const r = runStage('clean.ts', ['--seeds', FIXTURES, '--build', build, '--shard', `${i}/2`]);
      expect(r.status, r.stderr).toBe(0);
      return summary(build);
    });
    const expected = summary(whole);
    expect(shards.flatMap((s) => s.published).sort()).toEqual(expected.published.sort());
    expect(shards.flatMap((s) => s.notes).sort()).toEqual(expected.notes.sort());
    expect(shards.filter((s) => s.published.length > 0).length, 'files spread over several shards').toBeGreaterThan(1);
  });

  it('--strict fails after writing the report when a file was rejected or warned about, and passes on clean input', () => {
    const build = tempDir('bad-strict');
    const failing = runStage('clean.ts', ['--seeds', FIXTURES, '--build', build, '--strict']);
    expect(failing.status).not.toBe(0);
    expect(failing.stderr).toMatch(/strict mode: \d+ quality notes/);
    expect(readJsonl<QualityEntry>(join(build, 'clean', 'quality.jsonl')).length).toBeGreaterThan(10);

    const seeds = tempDir('good-strict');
    cpSync(join(FIXTURES, 'article-valide.txt'), join(seeds, 'a.txt'));
    const passing = runStage('clean.ts', ['--seeds', seeds, '--build', tempDir('good-strict-build'), '--strict']);
    expect(passing.status, passing.stderr).toBe(0);
  });

  it('gives the same output with 1 worker and with 2, and from its cache after a change', async () => {
    const seeds = tempDir('clean-pool');
    const article = readFileSync(join(FIXTURES, 'article-valide.txt'), 'utf8');
    // several batches of the pool, with every kind of bad file and copies across batches
    for (let i = 0; i < 200; i++) writeFileSync(join(seeds, `a${String(i).padStart(3, '0')}.txt`), `${article} Numéro ${i % 150}.\n`);
    for (const f of readdirSync(FIXTURES)) cpSync(join(FIXTURES, f), join(seeds, f));
    const run = async (build: string, jobs: string) => {
      await letRunnerIn();
      const r = runStage('clean.ts', ['--seeds', seeds, '--build', build, '--jobs', jobs]);
      expect(r.status, r.stderr).toBe(0);
      return ['articles.jsonl', 'quality.jsonl'].map((f) => readFileSync(join(build, 'clean', f), 'utf8'));
    };
    const pooled = tempDir('clean-pool-2');
    const serial = await run(tempDir('clean-pool-1'), '1');
    expect(serial[0].split('\n').length).toBeGreaterThan(150);
    expect(await run(pooled, '2')).toEqual(serial);
    expect(await run(pooled, '2')).toEqual(serial);
    writeFileSync(join(seeds, 'a007.txt'), `${article} Un autre texte.\n`);
    const changed = await run(pooled, '2');
    expect(changed).not.toEqual(serial);
    expect(await run(tempDir('clean-pool-fresh'), '1')).toEqual(changed);
  });

  it('leaves no output and no temporary file behind when interrupted mid-run', async () => {
    const seeds = tempDir('bad-interrupt');
    const build = tempDir('bad-interrupt-build');
    const article = readFileSync(join(FIXTURES, 'article-valide.txt'), 'utf8');
    for (let i = 0; i < 3000; i++) writeFileSync(join(seeds, `a${String(i).padStart(5, '0')}.txt`), `${article} Numéro ${i}.\n`);
    const child = spawn('node', ['--import', 'tsx', join(ROOT, 'pipeline', 'clean.ts'), '--seeds', seeds, '--build', build], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const outDir = join(build, 'clean');
    // interrupt once the stage is writing (its temporary output exists) and before it ends
    const started = Date.now();
    while (!(existsSync(outDir) && readdirSync(outDir).some((f) => f.includes('.tmp-')))) {
      if (Date.now() - started > 20_000) throw new Error('the stage never started writing');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    // the stage's sweeper removes its temporary files once it has ended
    await until(() => liveProcesses(build).length === 0, 10_000, 'the sweeper is still running');
    expect(readdirSync(outDir)).toEqual([]);
  }, 30_000);
});

describe('make over the whole fixture folder (end to end)', () => {
  const work = tempDir('bad-make');
  const dist = join(work, 'dist');
  let output = '';

  beforeAll(() => {
    // stdout and stderr both: the stages print their problem lines on stderr
    const r = spawnSync('make', ['--no-print-directory', '-C', ROOT, `SEEDS=${FIXTURES}`, `BUILD=${join(work, 'build')}`, `DIST=${dist}`], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    output = r.stdout + r.stderr;
    expect(r.status, output).toBe(0);
  }, 120_000);

  it('prints one line per problem and publishes the good files', () => {
    for (const e of EXPECTED) for (const code of e.codes) expect(output).toMatch(new RegExp(`${e.outcome === 'rejected' ? 'rejected' : 'warning'}: ${e.file.replace(/\./g, '\\.')}: .* \\[${code}\\]`));
    const docs = JSON.parse(readFileSync(join(dist, 'documents.json'), 'utf8')) as { source_file: string; published_basis: string }[];
    expect(docs.map((d) => d.source_file).sort()).toEqual(EXPECTED.filter((e) => e.outcome === 'published').map((e) => e.file).sort());
    expect(docs.find((d) => d.source_file === 'date-impossible.txt')!.published_basis).not.toBe('header');
  });

  it('writes every rejection and warning to dist/quality/report.json and report.csv', () => {
    const report = JSON.parse(readFileSync(join(dist, 'quality', 'report.json'), 'utf8')) as QualityEntry[];
    const expected = EXPECTED.flatMap((e) => e.codes.map((code) => [e.file, e.outcome, code, 'clean']));
    const key = (r: string[]) => r.join('\u0000');
    expect(report.map((r) => [r.file, r.outcome, r.code, r.stage]).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    const csv = readFileSync(join(dist, 'quality', 'report.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('file,sha256,outcome,code,reason,stage');
    expect(csv).toHaveLength(report.length + 1);
    expect(csv.some((line) => line.startsWith('doublon-2.txt,') && line.includes('doublon-1.txt'))).toBe(true);
  });

  it('fails with STRICT=1', async () => {
    await expect(make({ SEEDS: FIXTURES, BUILD: join(work, 'build-strict'), DIST: join(work, 'dist-strict'), STRICT: '1' })).rejects.toThrow();
    expect(existsSync(join(work, 'dist-strict', 'SHA256SUMS'))).toBe(false);
  });
});
