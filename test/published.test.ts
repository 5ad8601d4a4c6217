import { describe, expect, it } from 'vitest';
import type { Removal } from '../pipeline/lib/clean.ts';
import { documentDate } from '../pipeline/lib/extract/published.ts';

const post = (text: string, reason: Removal['reason'] = 'social_media_attribution'): Removal => ({ reason, text, raw_start: 0, raw_end: text.length });

describe('documentDate', () => {
  it.each([
    ['2022-12', { published: '2022-12', published_precision: 'month', published_basis: 'header' }],
    ['2021-02-09', { published: '2021-02-09', published_precision: 'day', published_basis: 'header' }],
  ])('takes a valid header %s', (header, expected) => {
    expect(documentDate(header, 'Le texte.', [])).toEqual(expected);
  });

  it.each([['2022-13'], ['2022-02-30x'], ['20-12'], ['']])('ignores an invalid header %s', (header) => {
    expect(documentDate(header, 'Le texte.', []).published_basis).not.toBe('header');
  });

  it('infers the month from a dated embedded post', () => {
    const removals = [post('— Libération (@libe) September 9, 2020')];
    expect(documentDate(null, 'Loukachenko se rendra en Russie.', removals)).toEqual({ published: '2020-09', published_precision: 'month', published_basis: 'inferred' });
  });

  it('takes the latest of several embedded posts, in English or French', () => {
    const removals = [post('— AFP (@afpfr) 3 août 2020'), post('— Le Monde (@lemondefr) October 2, 2020'), post('https://t.co/x pic.twitter.com/y', 'social_media_post')];
    expect(documentDate(null, 'Texte.', removals).published).toBe('2020-10');
  });

  it('ignores dates in other removals (links, photo credits)', () => {
    expect(documentDate(null, 'Texte.', [post('https://example.org/2020/09/09', 'link'), post('AFP September 9, 2020', 'photo_credit')])).toEqual({
      published: null, published_precision: null, published_basis: 'unknown',
    });
  });

  it('infers the month from a weekday and date announced as upcoming, with a year in the text', () => {
    const text = 'Une visite est programmée lundi 14 septembre à Moscou. La présidentielle de 2020 a été contestée.';
    expect(documentDate(null, text, [])).toEqual({ published: '2020-09', published_precision: 'month', published_basis: 'inferred' });
  });

  it('keeps only the year when the upcoming day is early in the month', () => {
    const text = 'Le sommet se tiendra jeudi 3 décembre. Les relations se sont tendues en 2020.';
    expect(documentDate(null, text, [])).toEqual({ published: '2020', published_precision: 'year', published_basis: 'inferred' });
  });

  it.each([
    ['no year anywhere', 'Une visite est programmée lundi 14 septembre à Moscou.'],
    ['a past weekday date is no evidence of the publication', 'La visite a eu lieu lundi 14 septembre. La présidentielle de 2020 a été contestée.'],
    ['the weekday fits no nearby year', 'Une visite est programmée jeudi 14 septembre. La présidentielle de 2020 a été contestée.'],
    ['relative words only', "Poutine a renouvelé jeudi son soutien, l'an dernier, aujourd'hui."],
  ])('stays unknown without clear evidence: %s', (_why, text) => {
    expect(documentDate(null, text, [])).toEqual({ published: null, published_precision: null, published_basis: 'unknown' });
  });

  it('reads a self-stated publication date', () => {
    expect(documentDate(null, 'Publié le 14 septembre 2020 à 10h. Le président...', []).published).toBe('2020-09-14');
    expect(documentDate(null, 'Mis à jour le 02/03/2021. Texte.', []).published).toBe('2021-03-02');
  });

  it('never reads the clock', () => {
    expect(documentDate(null, "Aujourd'hui, demain, cette semaine.", []).published).toBeNull();
  });
});

describe('documentDate from an agency dateline', () => {
  it.each([
    ['KIEV, 15 mars 2023 (AFP) - Au moins trois civils ont été tués.', '2023-03-15'],
    ['Paris, le 10 juillet 2025 (AFP) - Le gouvernement a présenté jeudi son plan.', '2025-07-10'],
    ['BRUXELLES, mardi 3 mai 2022 (Belga) – Les ministres se sont réunis.', '2022-05-03'],
    ['Washington, 1er février 2024 - Le Congrès a voté.', '2024-02-01'],
    ['12 octobre 2023 (AFP) Israël poursuit ses frappes.', '2023-10-12'],
  ])('%s', (text, expected) => {
    expect(documentDate(null, text, [])).toEqual({ published: expected, published_precision: 'day', published_basis: 'inferred' });
  });

  it.each([
    ['a narrative opening is no dateline', 'Le 24 février 2022, la Russie a envahi l’Ukraine.'],
    ['a date deep in the text is no dateline', 'Les troupes sont entrées. KIEV, 15 mars 2023 (AFP) - Texte.'],
    ['a dateline without a year gives nothing', 'MOSCOU, 14 mars (AFP) - Le Kremlin a dit.'],
  ])('stays unknown: %s', (_why, text) => {
    expect(documentDate(null, text, []).published_basis).toBe('unknown');
  });

  it('the header wins over the dateline', () => {
    expect(documentDate('2023-03', 'KIEV, 15 mars 2023 (AFP) - Texte.', []).published).toBe('2023-03');
  });
});
