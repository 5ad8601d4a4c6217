import { describe, expect, it } from 'vitest';
import { articleContext } from '../pipeline/lib/extract/context.ts';
import { aggregateEntities, EntityAggregator, entityIdFor, entityMentions, speakerIds } from '../pipeline/lib/extract/entities.ts';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';
import { normalizeRole, roleHeadAt } from '../pipeline/lib/nlp/mentions.ts';
import { tokenize } from '../pipeline/lib/nlp/tokens.ts';

const doc = (text: string, doc_id = 'test') => articleContext(doc_id, text, null);
const mentionsOf = (text: string) => entityMentions(buildDoc(text)).map((m) => [m.type, m.canonical, m.country_code]);
const people = (text: string) => buildDoc(text).mentions.filter((m) => m.type === 'person').map((m) => text.slice(m.start, m.end));
const entityOf = (text: string, name: string) => {
  const d = buildDoc(text);
  return d.entities.find((e) => e.name === name);
};

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
    expect(people(text)).toEqual(names);
  });

  it('groups the full name, a title and the bare surname of one person', () => {
    const d = buildDoc('Alexandre Loukachenko a parlé. M. Loukachenko et Loukachenko ont redit.');
    const persons = d.entities.filter((e) => e.type === 'person');
    expect(persons.map((e) => e.name)).toEqual(['Alexandre Loukachenko']);
    expect(persons[0].mentions).toHaveLength(3);
  });

  it('keeps people who share a surname but not a given name apart', () => {
    expect(people('Bill Clinton et Hillary Clinton sont venus.')).toEqual(['Bill Clinton', 'Hillary Clinton']);
  });

  it('reads roles and countries from descriptions beside the name', () => {
    const text = 'Le président russe Vladimir Poutine a reçu l’ambassadeur de France, Pierre Lévy. Dmitri Peskov, porte-parole du Kremlin, a parlé.';
    expect(entityOf(text, 'Vladimir Poutine')).toMatchObject({ code: 'RUS' });
    expect([...entityOf(text, 'Vladimir Poutine')!.roles]).toContain('président');
    expect(entityOf(text, 'Pierre Lévy')).toMatchObject({ code: 'FRA' });
    expect([...entityOf(text, 'Pierre Lévy')!.roles]).toContain('ambassadeur');
    expect([...entityOf(text, 'Dmitri Peskov')!.roles]).toContain('porte-parole');
  });

  it('links a role over its post to the name after it', () => {
    const text = 'L’ambassadeur de Russie à Minsk, Dmitri Mezentsev, a offert un atlas. Il « répond », a expliqué l’ambassadeur.';
    const d = buildDoc(text);
    const roles = d.mentions.filter((m) => m.type === 'role');
    expect(roles.map((m) => d.entities[m.entity]?.name)).toEqual(['Dmitri Mezentsev', 'Dmitri Mezentsev']);
  });

  it('does not take a prepositional role as an apposition', () => {
    const d = buildDoc('Lors d’une conférence avec son homologue bélarusse à Minsk, Vladimir Poutine a parlé.');
    expect([...d.entities.find((e) => e.name === 'Vladimir Poutine')!.roles]).not.toContain('homologue');
  });

  it.each([
    ['le chef de l’État russe', 'président'],
    ['le dirigeant du Kremlin', 'dirigeant'],
    ['la cheffe de la diplomatie allemande', 'ministre'],
    ['l’ambassadeur', 'ambassadeur'],
  ])('reads the role head of %s', (phrase, role) => {
    const tokens = tokenize(phrase);
    const at = tokens.findIndex((_, i) => roleHeadAt(tokens, i) !== null);
    expect(at).toBeGreaterThanOrEqual(0);
    const head = roleHeadAt(tokens, at)!;
    expect(head.rule.means ?? head.rule.head).toBe(role);
    expect(normalizeRole(phrase.replace(/^(?:le|la|l’)\s*/, ''))).toBe(role);
  });

  it('resolves a role standing alone to the person the article gives that role and country', () => {
    const text = 'Le président russe Vladimir Poutine a reçu le président turc Recep Tayyip Erdogan. Le chef du Kremlin a parlé. Le président turc a répondu.';
    const d = buildDoc(text);
    const linked = d.mentions.filter((m) => m.type === 'role' && m.first >= d.sentences[0].last).map((m) => d.entities[m.entity]?.name ?? null);
    expect(linked).toEqual(['Vladimir Poutine', 'Recep Tayyip Erdogan']);
    const minister = buildDoc('Le ministre chinois a parlé.').mentions.find((m) => m.type === 'role')!;
    expect(minister.entity).toBe(-1);
  });
});

describe('organizations, countries and places', () => {
  it.each([
    ['le département d’État américain a réagi', 'Département d\'État américain'],
    ['le ministère russe des Affaires étrangères a réagi', 'Ministère russe des Affaires étrangères'],
    ['le service de presse présidentiel biélorusse a réagi', 'Service de presse présidentiel biélorusse'],
    ['l’agence Tass a réagi', 'Tass'],
  ])('%s', (text, name) => {
    expect(buildDoc(text).mentions.filter((m) => m.type === 'organization').map((m) => m.name)).toEqual([name]);
  });

  it.each([
    'il est parti de Moscou',
    'la cour de l’école',
    'le conseil a été donné',
  ])('%s names no specific institution', (text) => {
    expect(buildDoc(text).mentions.filter((m) => m.type === 'organization' && m.via !== 'description')).toEqual([]);
  });

  it('types each mention and gives its country code', () => {
    expect(mentionsOf('Le Kremlin et la Maison Blanche ont parlé à Minsk de la Russie, de l’OTAN et du président biélorusse.')).toEqual([
      ['organization', 'Kremlin', 'RUS'],
      ['organization', 'Maison-Blanche', 'USA'],
      ['place', 'Minsk', 'BLR'],
      ['country', 'Russie', 'RUS'],
      ['organization', 'Otan', null],
      ['country', 'Biélorussie', 'BLR'],
    ]);
  });

  it('gives people the country of their role', () => {
    expect(mentionsOf('Le président russe Vladimir Poutine.')).toEqual([['country', 'Russie', 'RUS'], ['person', 'Vladimir Poutine', 'RUS']]);
  });

  it('keeps offsets exact', () => {
    const text = 'M. Poutine, le département d’État américain, la Biélorussie et Minsk.';
    for (const m of entityMentions(buildDoc(text))) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });
});

describe('aggregateEntities', () => {
  const a = 'Le président russe Vladimir Poutine a parlé au Kremlin. M. Poutine est reparti.';
  const b = 'Vladimir Poutine a appelé la Russie et Moscou. Le Kremlin a confirmé.';
  const withDoc = (text: string, doc_id: string) => entityMentions(buildDoc(text)).map((m) => ({ ...m, doc_id }));
  const rows = () => aggregateEntities([...withDoc(a, 'a'), ...withDoc(b, 'b')]);

  it('counts articles without keeping them when mentions come in article order', () => {
    const grouped = new EntityAggregator({ groupedByDoc: true });
    for (const m of [...withDoc(a, 'a'), ...withDoc(b, 'b'), ...withDoc(a, 'c')]) grouped.add(m);
    expect(grouped.interleaved).toBe(false);
    expect(grouped.records()).toEqual(aggregateEntities([...withDoc(a, 'c'), ...withDoc(b, 'b'), ...withDoc(a, 'a')]));
    expect(grouped.records().find((r) => r.name === 'Vladimir Poutine')).toMatchObject({ mention_count: 5, doc_count: 3 });
    // an article coming back after another: the counts cannot be trusted, and say so
    const interleaved = new EntityAggregator({ groupedByDoc: true });
    for (const m of [...withDoc(a, 'a'), ...withDoc(b, 'b'), ...withDoc(a, 'a')]) interleaved.add(m);
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
    const mentions = entityMentions(buildDoc(text));
    const ids = new Set(aggregateEntities(mentions.map((m) => ({ ...m, doc_id: 'test' }))).map((r) => r.id));
    const quotes = extractQuotes(doc(text), [], speakerIds(mentions));
    expect(quotes).toHaveLength(2);
    for (const q of quotes) expect(ids.has(q.speaker_id!)).toBe(true);
  });

  it.each([
    ['M. Poutine a parlé.', 'Poutine', 'Vladimir Poutine'],
    ['Aleksandr Loukachenko a parlé.', 'Aleksandr Loukachenko', 'Alexandre Loukachenko'],
    ['Selon l’OTAN, rien ne change.', 'Otan', 'Otan'],
    ['Selon l’Alliance atlantique, rien ne change.', 'Alliance atlantique', 'Otan'],
    ['Selon l’UE, rien ne change.', 'UE', 'Union européenne'],
    // another given name is another person: the article's name, not the rules'
    ['Hunter Biden a parlé.', 'Hunter Biden', 'Hunter Biden'],
    ['Jill Biden a parlé.', 'Jill Biden', 'Jill Biden'],
    ['Pierre Dupont a parlé.', 'Pierre Dupont', 'Pierre Dupont'],
    ['La Russie a parlé.', 'Russie', 'Russie'],
  ])('%s: named %j as written, %j across articles', (text, canonical, identity) => {
    const [m] = entityMentions(buildDoc(text));
    expect(m).toMatchObject({ canonical, identity });
  });
});
