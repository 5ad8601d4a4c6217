import { describe, expect, it } from 'vitest';
import { scanDates } from '../pipeline/lib/extract/dates.ts';
import { publicationOf, type PostDates } from '../pipeline/lib/extract/publication.ts';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';

/** An embedded post's attribution line, as the cleaning removes it. */
const post = (text: string): PostDates => {
  const doc = buildDoc(text);
  return { doc, hits: scanDates(doc) };
};

function documentDate(header: string | null, text: string, posts: PostDates[]) {
  const doc = buildDoc(text);
  const { textDay: _textDay, ...published } = publicationOf(doc, scanDates(doc), header, posts);
  return published;
}

function textDayOf(header: string, text: string): string | null {
  const doc = buildDoc(text);
  return publicationOf(doc, scanDates(doc), header).textDay;
}

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
    const removals = [post('— AFP (@afpfr) 3 août 2020'), post('— Le Monde (@lemondefr) October 2, 2020'), post('https://t.co/x pic.twitter.com/y')];
    expect(documentDate(null, 'Texte.', removals).published).toBe('2020-10');
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
    ['background since a date is no dateline', 'Depuis le 24 février 2022, la Russie mène une guerre en Ukraine.'],
    ['a dateline without a year gives nothing', 'MOSCOU, 14 mars (AFP) - Le Kremlin a dit.'],
  ])('stays unknown: %s', (_why, text) => {
    expect(documentDate(null, text, []).published_basis).toBe('unknown');
  });

  it('a date inside a paragraph is no dateline', () => {
    expect(documentDate(null, 'Les troupes sont entrées. KIEV, 15 mars 2023 (AFP) - Texte.', []).published_precision).not.toBe('day');
  });

  it('the header wins over the dateline', () => {
    expect(documentDate('2023-03', 'KIEV, 15 mars 2023 (AFP) - Texte.', []).published).toBe('2023-03');
  });
});

describe('documentDate from the lead', () => {
  it('takes the month of the full date the lead reports on', () => {
    const text = 'Les trois pays se sont réunis pour leur premier sommet, le samedi 6 juillet 2024 à Niamey.\n\nLe texte continue en 2023.';
    expect(documentDate(null, text, [])).toEqual({ published: '2024-07', published_precision: 'month', published_basis: 'inferred' });
  });

  it.each([
    ['a pluperfect background', 'Il avait été arrêté le 3 mars 2019 à Minsk.'],
    ['a date in parentheses', 'Le régime (qui avait détourné un avion le 23 mai 2021) est critiqué.'],
    ['a later year named in the text', 'La Russie a envahi l’Ukraine le 24 février 2022. En 2024, la guerre continuait.'],
    ['a date after the lead paragraph', 'La guerre continue.\n\nLa Russie a envahi l’Ukraine le 24 février 2022.'],
  ])('stays unknown: %s', (_why, text) => {
    expect(documentDate(null, text, []).published_basis).toBe('unknown');
  });

  it('takes the year the text speaks of in the present tense', () => {
    expect(documentDate(null, "L'édition 2021 des manœuvres montre une intégration plus grande. La dernière remonte à 2017.", [])).toEqual({
      published: '2021', published_precision: 'year', published_basis: 'inferred',
    });
    expect(documentDate(null, 'Il avait été arrêté en 2014 en Crimée.', []).published).toBeNull();
  });
});

describe('the day of publication the text gives', () => {
  it.each([
    ['a dateline', 'MOSCOU, 14 septembre (Reuters) - Le Kremlin a dit lundi que...', '2020-09', '2020-09-14'],
    ['a dateline with a dash', 'Titre de l’article\n\nKinshasa, 27 juin 2025- Ce vendredi à Washington, un accord a été signé.', '2025-06', '2025-06-27'],
    ['a byline', 'Un sommet à Panmunjom\n\npublié le 28/04/2018 à 07:58\n\nLe texte.', '2018-04', '2018-04-28'],
    ['today with its date', "L'Assemblée avait ouvert les débats dans la matinée, ce mercredi 4 décembre.", '2024-12', '2024-12-04'],
  ])('%s', (_why, text, header, expected) => {
    expect(textDayOf(header, text)).toBe(expected);
  });

  it.each([
    ['an announced day', 'Le sommet aura lieu ce samedi 10 décembre à Paris.', '2022-12'],
    ['a day of another month than the header', 'MOSCOU, 14 septembre (Reuters) - Le Kremlin a dit.', '2020-10'],
    ['a date in the middle of a paragraph', 'Les troupes sont entrées. KIEV, 15 mars 2023 (AFP) - Texte.', '2023-03'],
  ])('none from %s', (_why, text, header) => {
    expect(textDayOf(header, text)).toBeNull();
  });
});
