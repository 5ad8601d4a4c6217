import { describe, expect, it } from 'vitest';
import { countryCode, demonymForms, findCountryMentions } from '../pipeline/lib/lexicon/countries.ts';

function codesIn(text: string): string[] {
  return findCountryMentions(text).map((m) => m.code);
}

describe('findCountryMentions', () => {
  it.each([
    ['La Russie et la Biélorussie ont signé.', ['RUS', 'BLR']],
    ['Le Bélarus et le Belarus', ['BLR', 'BLR']],
    ['les États-Unis et les Etats-Unis', ['USA', 'USA']],
    ['le Royaume-Uni, la Grande-Bretagne', ['GBR', 'GBR']],
    ["l'Arabie saoudite et les Émirats arabes unis", ['SAU', 'ARE']],
    ['la Corée du Nord menace la Corée du Sud', ['PRK', 'KOR']],
    ['la République tchèque', ['CZE']],
    ["en Côte d’Ivoire", ['CIV']],
  ])('finds country names in %s', (text, expected) => {
    expect(codesIn(text)).toEqual(expected);
  });

  it.each([
    ['le président russe', 'RUS'],
    ['les Russes', 'RUS'],
    ['la partie biélorusse', 'BLR'],
    ['les forces ukrainiennes', 'UKR'],
    ['les Ukrainiens', 'UKR'],
    ['la diplomatie américaine', 'USA'],
    ['les Françaises', 'FRA'],
    ['les autorités chinoises', 'CHN'],
    ['le ministre turc', 'TUR'],
    ['la presse grecque', 'GRC'],
    ['les Nord-Coréens', 'PRK'],
    ['le gouvernement sud-africain', 'ZAF'],
    ['les dirigeants européens', 'EU'],
  ])('maps the demonym in %s to %s', (text, code) => {
    expect(codesIn(text)).toEqual([code]);
  });

  it.each([
    ['Moscou a répondu', 'RUS', 'capital'],
    ['Minsk dément', 'BLR', 'capital'],
    ['Kiev et Kyiv', 'UKR', 'capital'],
    ['Pékin proteste', 'CHN', 'capital'],
    ['au Caire', 'EGY', 'capital'],
    ['le Kremlin a démenti', 'RUS', 'institution'],
    ['la Maison Blanche a réagi', 'USA', 'institution'],
    ["l'Élysée a annoncé", 'FRA', 'institution'],
    ["le Quai d'Orsay a convoqué", 'FRA', 'institution'],
    ["l'Union européenne sanctionne", 'EU', 'institution'],
    ['Bruxelles a adopté', 'EU', 'capital'],
    ['les Occidentaux accusent', 'WEST', 'bloc'],
    ["l'Occident", 'WEST', 'bloc'],
    ['les capitales occidentales', 'WEST', 'bloc'],
  ])('maps %s to %s via %s', (text, code, via) => {
    const mentions = findCountryMentions(text);
    expect(mentions[0]).toMatchObject({ code, via });
  });

  it('splits compounds of combining forms', () => {
    expect(codesIn("l'Union russo-biélorusse")).toEqual(['RUS', 'BLR']);
    expect(codesIn('le sommet sino-américain')).toEqual(['CHN', 'USA']);
  });

  it('returns offsets that slice back to the surface', () => {
    const text = "Vladimir Poutine, le président russe, s'est rendu lundi à Minsk.";
    for (const m of findCountryMentions(text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it.each([
    'les pays latino-américains',
    "l'Europe occidentale",
    'la partie occidentale du pays',
    'Maurice Dupont a été élu',
    'une réunion à huis clos',
    'le Washington Post rapporte',
    'une russerie',
    "l'Amérique latine",
  ])('finds no actor in %s', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});

describe('demonymForms', () => {
  it('derives gender and number', () => {
    expect(demonymForms('ukrainien')).toEqual(expect.arrayContaining(['ukrainien', 'ukrainiens', 'ukrainienne', 'ukrainiennes', 'Ukrainiens']));
    expect(demonymForms('français')).toEqual(expect.arrayContaining(['français', 'française', 'françaises', 'Français']));
    expect(demonymForms('russe')).toEqual(expect.arrayContaining(['russe', 'russes', 'Russes']));
  });
});

describe('countryCode', () => {
  it.each([
    ['la Russie', 'RUS'],
    ['Moscou', 'RUS'],
    ['le président russe', 'RUS'],
    ['les Etats-Unis', 'USA'],
    ['etats-unis', 'USA'],
    ['Bélarus', 'BLR'],
    ['Occidentaux', 'WEST'],
    ['RUS', 'RUS'],
    ['EU', 'EU'],
  ])('%s → %s', (phrase, code) => {
    expect(countryCode(phrase)).toBe(code);
  });

  it.each(['Vladimir Poutine', 'xyz', '', 'les présidents russe et biélorusse'])('%s → null', (phrase) => {
    expect(countryCode(phrase)).toBeNull();
  });
});

describe('findCountryMentions: word boundaries and variants', () => {
  it.each([
    ['5Russie et Russie5 mais la Russie.', [['RUS', 27, 'Russie']]],
    ["Côte d’Ivoire, Côte d'Ivoire", [['CIV', 0, 'Côte d’Ivoire'], ['CIV', 15, "Côte d'Ivoire"]]],
    ['un sommet russo-ukrainien et russo-5', [['RUS', 10, 'russo'], ['UKR', 16, 'ukrainien']]],
    ['les Vingt-Sept à Washington Post', [['EU', 4, 'Vingt-Sept']]],
    ['latino-américain, la partie occidentale', []],
    ['Sotchi2 et 𝐀Moscou', []],
    ["l’Union européenne et l'UE", [['EU', 2, 'Union européenne'], ['EU', 24, 'UE']]],
  ])('%s', (text, expected) => {
    expect(findCountryMentions(text).map((m) => [m.code, m.start, m.surface])).toEqual(expected);
  });

  it('gives the same mentions when asked twice, and copies callers may change', () => {
    const text = 'La Russie et la Biélorussie.';
    const first = findCountryMentions(text);
    first[0].code = 'XXX';
    first.pop();
    expect(findCountryMentions(text).map((m) => m.code)).toEqual(['RUS', 'BLR']);
  });
});
