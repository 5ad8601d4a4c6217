import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectAll } from 'tinyld';
import { describe, expect, it } from 'vitest';
import { Pack, PackCache, StatIndex } from '../pipeline/lib/cache.ts';
import { cleanArticle, collapseSpaces, detectTitle } from '../pipeline/lib/clean.ts';
import { inspectArticle, inspectFile, type InspectedArticle } from '../pipeline/lib/clean-files.ts';
import { sha256Hex } from '../pipeline/lib/ids.ts';
import { countLetters } from '../pipeline/lib/language.ts';
import { decodeBytes, decodeWellFormedUtf8, scanUtf8 } from '../pipeline/lib/text/decode.ts';
import { detectAllFast, gramsOf, longestChunks } from '../pipeline/lib/tinyld-fast.ts';
import { tempDir } from './helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const clean = (s: string) => cleanArticle(utf8(s), 'a.txt');

describe('decodeBytes', () => {
  it.each([
    ['plain UTF-8', utf8('Été à Paris'), 'utf-8', 'Été à Paris'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Été')]), 'utf-8-bom', 'Été'],
    ['Windows-1252', new Uint8Array([0xc9, 0x74, 0xe9, 0x20, 0x80, 0x20, 0x92]), 'windows-1252', 'Été € ’'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0xc9, 0x00, 0x74, 0x00]), 'utf-16le', 'Ét'],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, 0x00, 0xc9, 0x00, 0x74]), 'utf-16be', 'Ét'],
  ])('%s', (_name, bytes, encoding, text) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
  });
});

describe('decodeWellFormedUtf8', () => {
  it.each([
    ['ASCII', [0x61, 0x62]],
    ['two- to four-byte sequences', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]],
    ['a lone continuation byte', [0x61, 0x80]],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['Windows-1252 accents', [0xe9, 0x74, 0xe9]],
  ])('agrees with scanUtf8 on %s', (_name, raw) => {
    const bytes = new Uint8Array(raw);
    expect(decodeWellFormedUtf8(bytes) !== null).toBe(scanUtf8(bytes).invalid === 0);
  });
});

describe('cleanArticle', () => {
  it('lifts the date header and the dateline into metadata and records both removals', () => {
    const c = clean(' date 2022-12 (Moscou) Le président a parlé.\n\nIl a ajouté.');
    expect(c.header_date).toBe('2022-12');
    expect(c.dateline).toBe('Moscou');
    expect(c.text).toBe('Le président a parlé.\n\nIl a ajouté.');
    expect(c.removals.map((r) => [r.reason, r.text])).toEqual([['date_header', ' date 2022-12 '], ['dateline', '(Moscou) ']]);
  });

  it('normalizes to NFC and one line-ending style, and makes every line a paragraph', () => {
    const c = clean('Le re\u0301gime a ce\u0301de\u0301.\r\nLa suite.\r\n\r\n\r\nFin.');
    expect(c.text).toBe('Le régime a cédé.\n\nLa suite.\n\nFin.');
    expect(c.paragraphs).toBe(3);
  });

  it('collapses space runs without touching words or punctuation', () => {
    expect(collapseSpaces('«\u00a0Nous\u00a0\u00a0avons  dit\t»,  a   déclaré M.\u00a0Poutine. ')).toBe('«\u00a0Nous\u00a0avons dit », a déclaré M.\u00a0Poutine.');
  });

  it('removes an embedded tweet (body with links and its signature line)', () => {
    const raw = 'Début de l’article.\nUn message sur le réseau https://t.co/abc pic.twitter.com/xyz\n— Le Média (@lemedia) September 9, 2020\nSuite de l’article.';
    const c = clean(raw);
    expect(c.text).toBe('Début de l’article.\n\nSuite de l’article.');
    expect(c.removals.map((r) => r.reason)).toEqual(['social_media_post', 'social_media_attribution']);
    for (const r of c.removals) expect(raw.slice(r.raw_start, r.raw_end)).toBe(r.text);
  });

  it('removes a photo credit line with its caption', () => {
    const c = clean('Premier paragraphe.\n\nJOHN DOE / POOL / AFP Le président lors du sommet\n\nDernier paragraphe.');
    expect(c.text).toBe('Premier paragraphe.\n\nDernier paragraphe.');
    expect(c.removals[0].reason).toBe('photo_credit');
  });

  it('keeps a sentence that merely contains a slash', () => {
    const c = clean('Le taux est passé de 3 / 4 à la moitié.\n\nFin.');
    expect(c.text).toContain('3 / 4');
    expect(c.removals).toEqual([]);
  });

  it('removes a closing agency signature and links inside paragraphs', () => {
    const c = clean('Texte du jour, voir https://example.org/x pour la suite. (Belga)');
    expect(c.text).toBe('Texte du jour, voir pour la suite.');
    expect(c.removals.map((r) => r.reason)).toEqual(['link', 'agency_signature']);
  });

  it('does not take a header-like phrase inside the text', () => {
    const c = clean('Le texte parle de la date 2022-12 prévue.');
    expect(c.header_date).toBeNull();
  });
});

describe('detectTitle', () => {
  it.each([
    [['Bélarus : Loukachenko se rendra en Russie', 'Le corps de l’article.'], 'Bélarus : Loukachenko se rendra en Russie'],
    [['"Nous resterons unis" (Jean Dupont)', 'Le corps.'], '"Nous resterons unis" (Jean Dupont)'],
    [['Le président est arrivé hier à Minsk.', 'Suite.'], null],
    [['Seul paragraphe sans point'], null],
  ])('%j -> %j', (paragraphs, title) => {
    expect(detectTitle(paragraphs)).toBe(title);
  });
});

describe('detectAllFast: tinyld re-implemented', () => {
  const FIXTURES = new URL('./fixtures/bad/', import.meta.url).pathname;
  const fixtureTexts = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => decodeBytes(readFileSync(join(FIXTURES, f))).text);

  // deterministic mixtures of words of many scripts and of the punctuation tinyld splits on
  function mixtures(count: number): string[] {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(a: T[]) => a[Math.floor(next() * a.length)];
    const words = ('le la des président gouvernement été déjà où œuvre l’accord aujourd’hui the government agreement der Regierung Straße el gobierno ' +
      'acuerdo il governo и правительство президент Україна уряд ΟΔΟΣ κυβέρνηση 政府 总统 日本 대통령 İstanbul hükümet rząd vláda حكومة ממשלה सरकार ' +
      '１２３ 2020 መንግሥት 𝑥 😀').split(' ');
    const seps = [' ', ' ', ' ', ', ', '. ', '; ', ' (', ') ', ' « ', ' » ', '\n', '\n\n', '  ', '\t', '\u00a0', '!', '?', '…', '"', '[', '{', '<', '/', '《', '*'];
    return Array.from({ length: count }, () => {
      const bias = pick(words);
      let text = '';
      for (let n = 1 + Math.floor(next() * 200); n > 0; n--) text += (next() < 0.3 ? bias : pick(words)) + pick(seps);
      return next() < 0.3 ? text.toUpperCase() : text;
    });
  }

  it('gives exactly tinyld\'s languages and scores', () => {
    const texts = [...fixtureTexts, ...fixtureTexts.map((t) => t.slice(0, 300)), ...mixtures(300), '', '   ', '123'];
    for (const text of texts) expect(detectAllFast(text), JSON.stringify(text.slice(0, 80))).toEqual(detectAll(text).map(({ lang, accuracy }) => ({ lang, accuracy })));
  });

  it('takes the grams tinyld takes', () => {
    expect(gramsOf('ab', 2)).toEqual([' a', 'ab', 'b ']);
    expect(gramsOf('a b', 3)).toEqual([' a ', 'a b', ' b ']);
  });

  it('keeps the seven longest cleaned chunks, the first ones among equals', () => {
    expect(longestChunks('aa, bb, cc, dd, ee, ff, gg, hh, iii, 12')).toEqual(['iii', 'aa', 'bb', 'cc', 'dd', 'ee', 'ff']);
  });
});

describe('countLetters', () => {
  it.each(['abc DEF éà 中文 𝑥 \uD800 x \uDC00 123 ß ǅ', 'Привет, мир !', '', '@[`{'])('counts the letters of %j as /\\p{L}/gu does', (text) => {
    expect(countLetters(text)).toBe((text.match(/\p{L}/gu) ?? []).length);
  });
});

describe('StatIndex', () => {
  const later = Date.now() + 60_000;
  /** A folder holding one file, `a.txt`, to index. */
  const fileToIndex = (name: string) => {
    const dir = tempDir(name);
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'un');
    return { dir, file };
  };

  it('knows an unchanged file by its stat after a save, and forgets a changed one', () => {
    const { dir, file } = fileToIndex('stat-index');
    const index = new StatIndex(join(dir, 'index.tsv'), later);
    const stamp = index.stampOf(statSync(file, { bigint: true }));
    expect(stamp).not.toBeNull();
    index.record(file, stamp, 'hash-un');
    index.save();
    const reloaded = new StatIndex(join(dir, 'index.tsv'), later);
    expect(reloaded.lookup(file, reloaded.stampOf(statSync(file, { bigint: true })))).toBe('hash-un');
    writeFileSync(file, 'deux');
    expect(reloaded.lookup(file, reloaded.stampOf(statSync(file, { bigint: true })))).toBeNull();
    // files not recorded again are forgotten
    reloaded.save();
    expect(new StatIndex(join(dir, 'index.tsv'), later).lookup(file, stamp)).toBeNull();
  });

  it('drops the last run\'s entry of a path once the path is recorded again, so the two runs\' maps are never both whole', () => {
    const { dir, file } = fileToIndex('stat-index-move');
    const first = new StatIndex(join(dir, 'index.tsv'), later);
    const stamp = first.stampOf(statSync(file, { bigint: true }));
    first.record(file, stamp, 'hash-un');
    first.save();
    const second = new StatIndex(join(dir, 'index.tsv'), later);
    expect(second.lookup(file, stamp)).toBe('hash-un');
    second.record(file, stamp, 'hash-un');
    expect(second.lookup(file, stamp)).toBeNull();
    second.save();
    expect(new StatIndex(join(dir, 'index.tsv'), later).lookup(file, stamp)).toBe('hash-un');
  });

  it('keeps names with tabs or line breaks, and ignores a damaged line', () => {
    const dir = tempDir('stat-index-names');
    const odd = join(dir, 'a\tb\nc.txt');
    const plain = join(dir, 'plain.txt');
    writeFileSync(odd, 'un');
    writeFileSync(plain, 'deux');
    const index = new StatIndex(join(dir, 'index.tsv'), later);
    for (const [file, hash] of [[odd, 'hash-odd'], [plain, 'hash-plain']]) index.record(file, index.stampOf(statSync(file, { bigint: true })), hash);
    index.save();
    appendFileSync(join(dir, 'index.tsv'), '"cut short\t12:3\n');
    const reloaded = new StatIndex(join(dir, 'index.tsv'), later);
    expect(reloaded.lookup(odd, reloaded.stampOf(statSync(odd, { bigint: true })))).toBe('hash-odd');
    expect(reloaded.lookup(plain, reloaded.stampOf(statSync(plain, { bigint: true })))).toBe('hash-plain');
  });

  it('gives no stamp to a file written too recently to trust its stat, nor to a folder', () => {
    const dir = tempDir('stat-index-racy');
    writeFileSync(join(dir, 'a.txt'), 'un');
    const now = new StatIndex(join(dir, 'index.tsv'));
    expect(now.stampOf(statSync(join(dir, 'a.txt'), { bigint: true }))).toBeNull();
    expect(new StatIndex(join(dir, 'index.tsv'), later).stampOf(statSync(dir, { bigint: true }))).toBeNull();
  });
});

describe('Pack', () => {
  it('reads back what was added, in this process and in a reader given its values', () => {
    const root = tempDir('pack');
    const pack = new PackCache<{ n: number }>(root, 'v1');
    pack.add('k1', { n: 1 });
    pack.add('k2', { n: 2 });
    expect(pack.read('k1')).toBeUndefined(); // not written yet
    pack.close();
    const reopened = new PackCache<{ n: number }>(root, 'v1');
    expect([reopened.read('k1'), reopened.read('k2'), reopened.read('k3')]).toEqual([{ n: 1 }, { n: 2 }, undefined]);
    expect(new PackCache<{ n: number }>(root, 'v1', reopened.located()).read('k2')).toEqual({ n: 2 });
  });

  it('gives back the bytes of each part, line breaks, empty parts and non-ASCII text included', () => {
    const root = tempDir('pack-parts');
    const parts = ['{"a":"é"}\n{"b":2}\n', '', '{"c":"€ – ß"}\n'];
    const pack = new Pack(root, 'v1');
    pack.addParts('k1', parts);
    pack.addParts('k2', ['']);
    pack.close();
    const reopened = new Pack(root, 'v1');
    expect(reopened.readParts('k1')!.map((b) => b.toString('utf8'))).toEqual(parts);
    expect(reopened.readParts('k2')!.map((b) => b.toString('utf8'))).toEqual(['']);
  });

  it('cuts a value left incomplete, keeps those before it, and treats a damaged value as a miss', () => {
    const root = tempDir('pack-cut');
    const pack = new PackCache<{ n: number }>(root, 'v1');
    pack.add('k1', { n: 1 });
    pack.addParts('k2', ['{"n":oops}']);
    pack.add('k3', { n: 3 });
    pack.close();
    const file = join(root, 'v1', 'pack');
    writeFileSync(file, readFileSync(file).subarray(0, statSync(file).size - 3));
    const cut = new PackCache<{ n: number }>(root, 'v1');
    expect([cut.read('k1'), cut.read('k2'), cut.has('k3')]).toEqual([{ n: 1 }, undefined, false]);
    cut.add('k4', { n: 4 });
    cut.close();
    const reopened = new PackCache<{ n: number }>(root, 'v1');
    expect([reopened.read('k1'), reopened.read('k4')]).toEqual([{ n: 1 }, { n: 4 }]);
  });

  it('removes the folders of other code versions', () => {
    const root = tempDir('pack-prune');
    mkdirSync(join(root, 'old'));
    new PackCache(root, 'v1').prune();
    expect(existsSync(join(root, 'old'))).toBe(false);
  });
});

describe('inspectFile', () => {
  const bytes = utf8('Le conseil municipal a voté jeudi soir la création de trois nouvelles pistes cyclables.\n');

  it('cleans a file not in the cache and says so', () => {
    const dir = tempDir('inspect');
    writeFileSync(join(dir, 'a.txt'), bytes);
    const outcome = inspectFile({ file: join(dir, 'a.txt'), size: bytes.length, known: null }, { cache: new PackCache(join(dir, 'cache'), 'v1') });
    expect(outcome).toEqual({ sha256: sha256Hex(bytes), bytes: bytes.length, inspected: inspectArticle(bytes), fresh: true });
  });

  it('does not read a file whose hash is known from its stat and cached', () => {
    const dir = tempDir('inspect-known');
    const cache = new PackCache<InspectedArticle>(join(dir, 'cache'), 'v1');
    cache.add(sha256Hex(bytes), inspectArticle(bytes));
    cache.close();
    const reader = new PackCache<InspectedArticle>(join(dir, 'cache'), 'v1');
    const outcome = inspectFile({ file: join(dir, 'gone.txt'), size: bytes.length, known: sha256Hex(bytes) }, { cache: reader });
    expect(outcome).toEqual({ sha256: sha256Hex(bytes), bytes: bytes.length, inspected: inspectArticle(bytes) });
  });
});
