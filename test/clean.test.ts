import { describe, expect, it } from 'vitest';
import { cleanArticle, collapseSpaces, detectTitle } from '../pipeline/lib/clean.ts';
import { decodeBytes } from '../pipeline/lib/text/decode.ts';

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
