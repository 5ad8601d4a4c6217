import { describe, expect, it } from 'vitest';
import { aggregateEntities, EntityAggregator, entityIdFor, extractEntityMentions, findInstitutionPhrases } from '../pipeline/lib/extract/entities.ts';
import { findPersonNames, indexPeople, parseRolePhrase, personCountry, resolveRole } from '../pipeline/lib/extract/people.ts';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';

const doc = (text: string, doc_id = 'test') => articleContext(doc_id, text, null);
const mentionsOf = (text: string) => extractEntityMentions(doc(text)).map((m) => [m.type, m.canonical, m.country_code]);

describe('person names', () => {
  it.each([
    ['Le président russe Vladimir Poutine est arrivé.', ['Vladimir Poutine']],
    ['Selon Vladimir Poutine, rien ne change.', ['Vladimir Poutine']],
    ['Ursula von der Leyen et Charles de Gaulle.', ['Ursula von der Leyen', 'Charles de Gaulle']],
    ['Marine Le Pen a parlé.', ['Marine Le Pen']],
    ['Jean-Yves Le Drian est ministre.', ['Jean-Yves Le Drian']],
    ['M. Poutine et Mme Merkel.', ['M. Poutine', 'Mme Merkel']],
    ['Le porte-parole Ned Price a parlé.', ['Ned Price']],
    ['le régime biélorusse d’Alexandre Loukachenko', ['Alexandre Loukachenko']],
    ['Le Palais de l’Indépendance, l’Union européenne et Spoutnik V.', []],
    ['Vladimir Poutine de Russie.', ['Vladimir Poutine']],
    ['Mardi Gras et Lundi Noir.', []],
  ])('%s', (text, names) => {
    expect(findPersonNames(text).map((m) => m.surface)).toEqual(names);
  });

  it('groups spellings and bare surnames of one person, with the most frequent full form as canonical', () => {
    const index = indexPeople('Aleksandr Loukachenko, puis Alexandre Loukachenko, puis encore Alexandre Loukachenko. M. Loukachenko et Loukachenko.');
    expect(index.persons).toHaveLength(1);
    expect(index.persons[0].canonical).toBe('Alexandre Loukachenko');
    expect(index.persons[0].mentions).toHaveLength(5);
  });

  it('keeps people who share a surname but not a given name apart', () => {
    const index = indexPeople('Bill Clinton et Hillary Clinton sont venus.');
    expect(index.persons.map((p) => p.canonical)).toEqual(['Bill Clinton', 'Hillary Clinton']);
  });

  it('reads roles and countries from appositions', () => {
    const index = indexPeople('Le président russe Vladimir Poutine a reçu L’ambassadeur de France, Pierre Lévy. Dmitri Peskov, porte-parole du Kremlin, a parlé.');
    const byName = new Map(index.persons.map((p) => [p.canonical, p]));
    expect(personCountry(byName.get('Vladimir Poutine')!)).toBe('RUS');
    expect(byName.get('Vladimir Poutine')!.roles[0].cls).toBe('leader');
    expect(byName.get('Pierre Lévy')!.roles[0]).toMatchObject({ cls: 'ambassador', country: 'FRA' });
    expect(byName.get('Dmitri Peskov')!.roles[0]).toMatchObject({ cls: 'spokesperson', country: 'RUS' });
  });

  it('does not take a prepositional role as an apposition', () => {
    const index = indexPeople('Lors d’une conférence avec son homologue bélarusse à Minsk, Vladimir Poutine a parlé.');
    expect(index.persons[0].roles).toEqual([]);
  });

  it.each([
    ['le chef de l’État russe', 'leader', 'RUS'],
    ['le dirigeant du Kremlin', 'leader', 'RUS'],
    ['son homologue bélarusse', 'counterpart', 'BLR'],
    ['la cheffe de la diplomatie allemande', 'foreign_minister', 'DEU'],
    ['l’ambassadeur', 'ambassador', null],
  ])('parses the role phrase %s', (phrase, cls, country) => {
    expect(parseRolePhrase(phrase)).toMatchObject({ cls, country });
  });

  it('resolves a role phrase to the person with that role and country', () => {
    const text = 'Le président russe Vladimir Poutine a reçu le président turc Recep Tayyip Erdogan.';
    const index = indexPeople(text);
    expect(resolveRole(index, parseRolePhrase('le président turc')!, text.length)?.canonical).toBe('Recep Tayyip Erdogan');
    expect(resolveRole(index, parseRolePhrase('le chef du Kremlin')!, text.length)?.canonical).toBe('Vladimir Poutine');
    expect(resolveRole(index, parseRolePhrase('le ministre chinois')!, text.length)).toBeNull();
  });
});

describe('organizations, countries and places', () => {
  it.each([
    ['le département d’État américain a réagi', 'département d’État américain'],
    ['le ministère russe des Affaires étrangères', 'ministère russe des Affaires étrangères'],
    ['le service de presse présidentiel biélorusse', 'service de presse présidentiel biélorusse'],
    ['l’agence Tass', 'agence Tass'],
  ])('%s', (text, surface) => {
    expect(findInstitutionPhrases(text).map((p) => p.surface)).toEqual([surface]);
  });

  it.each([
    'le gouvernement a réagi',
    'il est parti de Moscou',
    'la cour de l’école',
    'le conseil a été donné',
  ])('%s names no specific institution', (text) => {
    expect(findInstitutionPhrases(text)).toEqual([]);
  });

  it('types each mention and gives its country code', () => {
    expect(mentionsOf('Le Kremlin et la Maison Blanche ont parlé à Minsk de la Russie, de l’OTAN et du président biélorusse.')).toEqual([
      ['organization', 'Kremlin', 'RUS'],
      ['organization', 'Maison Blanche', 'USA'],
      ['place', 'Minsk', 'BLR'],
      ['country', 'Russie', 'RUS'],
      ['organization', 'OTAN', null],
      ['country', 'Biélorussie', 'BLR'],
    ]);
  });

  it('gives people the country of their role', () => {
    expect(mentionsOf('Le président russe Vladimir Poutine.')).toEqual([['country', 'Russie', 'RUS'], ['person', 'Vladimir Poutine', 'RUS']]);
  });

  it('keeps offsets exact', () => {
    const text = 'M. Poutine, le département d’État américain, la Biélorussie et Minsk.';
    for (const m of extractEntityMentions(doc(text))) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });
});

describe('aggregateEntities', () => {
  const a = 'Le président russe Vladimir Poutine a parlé au Kremlin. M. Poutine est reparti.';
  const b = 'Vladimir Poutine a appelé la Russie et Moscou. Le Kremlin a confirmé.';
  const rows = () => aggregateEntities([
    ...extractEntityMentions(doc(a, 'a')).map((m) => ({ ...m, doc_id: 'a' })),
    ...extractEntityMentions(doc(b, 'b')).map((m) => ({ ...m, doc_id: 'b' })),
  ]);

  it('counts articles without keeping them when mentions come in article order', () => {
    const mentionsOf = (text: string, doc_id: string) => extractEntityMentions(doc(text, doc_id)).map((m) => ({ ...m, doc_id }));
    const grouped = new EntityAggregator({ groupedByDoc: true });
    for (const m of [...mentionsOf(a, 'a'), ...mentionsOf(b, 'b'), ...mentionsOf(a, 'c')]) grouped.add(m);
    expect(grouped.interleaved).toBe(false);
    expect(grouped.records()).toEqual(aggregateEntities([...mentionsOf(a, 'c'), ...mentionsOf(b, 'b'), ...mentionsOf(a, 'a')]));
    expect(grouped.records().find((r) => r.name === 'Vladimir Poutine')).toMatchObject({ mention_count: 5, doc_count: 3 });
    // an article coming back after another: the counts cannot be trusted, and say so
    const interleaved = new EntityAggregator({ groupedByDoc: true });
    for (const m of [...mentionsOf(a, 'a'), ...mentionsOf(b, 'b'), ...mentionsOf(a, 'a')]) interleaved.add(m);
    expect(interleaved.interleaved).toBe(true);
  });

  it('merges mentions across documents by type and canonical name', () => {
    const putin = rows().find((r) => r.name === 'Vladimir Poutine')!;
    expect(putin).toMatchObject({ type: 'person', country_code: 'RUS', mention_count: 3, doc_count: 2 });
    expect(putin.aliases).toEqual(['M. Poutine', 'Vladimir Poutine']);
    expect(rows().find((r) => r.name === 'Kremlin')).toMatchObject({ mention_count: 2, doc_count: 2 });
  });

  it('is deterministic, ordered by type then name, with stable ids', () => {
    const first = rows();
    expect(rows()).toEqual(first);
    const keys = first.map((r) => `${r.type}|${r.name}`);
    expect(keys).toEqual([...keys].sort());
    for (const r of first) expect(r.id).toBe(entityIdFor(r.type, r.name));
    expect(entityIdFor('person', 'Vladimir Poutine')).toBe(entityIdFor('person', 'vladimir poutine'));
  });

  it('links quote speakers to entity rows', () => {
    const text = 'Le président russe Vladimir Poutine a parlé. « Nous vaincrons », a déclaré M. Poutine. « Rien ne change », a indiqué le Kremlin.';
    const ids = new Set(aggregateEntities(extractEntityMentions(doc(text)).map((m) => ({ ...m, doc_id: 'test' }))).map((r) => r.id));
    const quotes = extractQuotes(doc(text), []);
    expect(quotes).toHaveLength(2);
    for (const q of quotes) expect(ids.has(q.speaker_id!)).toBe(true);
  });
});
