import { describe, expect, it } from 'vitest';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';

// Countries, capitals, institutions standing for a state, blocs and demonyms (rules/actors/countries.jsonl),
// as the document model finds them.
const actorMentions = (text: string) => buildDoc(text).mentions.filter((m) => m.codes.length && m.type !== 'person' && m.type !== 'role' && m.via !== 'description');
const codesIn = (text: string): string[] => actorMentions(text).flatMap((m) => m.codes);

describe('country names', () => {
  it.each([
    ['La Russie et la Biélorussie ont signé.', ['RUS', 'BLR']],
    ['Le Bélarus et le Belarus', ['BLR', 'BLR']],
    ['les États-Unis et les Etats-Unis', ['USA', 'USA']],
    ['le Royaume-Uni, la Grande-Bretagne', ['GBR', 'GBR']],
    ["l'Arabie saoudite et les Émirats arabes unis", ['SAU', 'ARE']],
    ['la Corée du Nord menace la Corée du Sud', ['PRK', 'KOR']],
    ['la République tchèque', ['CZE']],
    ['en Côte d’Ivoire', ['CIV']],
    ["en Côte d'Ivoire", ['CIV']],
  ])('%s', (text, expected) => {
    expect(codesIn(text)).toEqual(expected);
  });
});

describe('demonyms', () => {
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
  ])('%s → %s', (text, code) => {
    expect(codesIn(text)).toEqual([code]);
  });
});

describe('capitals, institutions and blocs', () => {
  it.each([
    ['Moscou a répondu', 'RUS', 'capital'],
    ['Minsk dément', 'BLR', 'capital'],
    ['Kiev et Kyiv', 'UKR', 'capital'],
    ['Pékin proteste', 'CHN', 'capital'],
    ['au Caire', 'EGY', 'capital'],
    ['Bruxelles a adopté', 'EU', 'capital'],
    ['les Occidentaux accusent', 'WEST', 'bloc'],
    ["l'Occident", 'WEST', 'bloc'],
  ])('%s → %s via %s', (text, code, via) => {
    expect(actorMentions(text)[0]).toMatchObject({ codes: [code], via });
  });

  it.each([
    ['le Kremlin a démenti', 'RUS'],
    ['la Maison Blanche a réagi', 'USA'],
    ["l'Élysée a annoncé", 'FRA'],
    ["le Quai d'Orsay a convoqué", 'FRA'],
  ])('%s names a body standing for %s', (text, code) => {
    expect(actorMentions(text)[0]).toMatchObject({ type: 'organization', codes: [code] });
  });

  it('splits compounds of combining forms', () => {
    expect(codesIn("l'Union russo-biélorusse")).toEqual(['RUS', 'BLR']);
    expect(codesIn('le sommet sino-américain')).toEqual(['CHN', 'USA']);
  });

  it('returns offsets that slice back to the words', () => {
    const text = "Vladimir Poutine, le président russe, s'est rendu lundi à Minsk.";
    const d = buildDoc(text);
    for (const m of d.mentions) expect(text.slice(m.start, m.end)).toBe(d.tokens.slice(m.first, m.last).map((t) => t.text).join(' ').replace(/ ,/g, ','));
  });

  it.each([
    'les pays latino-américains',
    'la partie occidentale du pays',
    'Maurice Dupont a été élu',
    'une réunion à huis clos',
    'le Washington Post rapporte',
    'une russerie',
    "l'Amérique latine",
    '5Russie et Russie5',
  ])('finds no country in %s', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});
