import { describe, expect, it } from 'vitest';
import { datesCompatible, groupOccurrences } from '../pipeline/lib/extract/occurrences.ts';
import type { EventRecord } from '../pipeline/lib/types.generated.ts';

let counter = 0;
function event(overrides: Partial<EventRecord>): EventRecord {
  counter += 1;
  const id = counter.toString(16).padStart(16, '0');
  return {
    id,
    doc_id: 'a',
    type: 'CONSULT',
    trigger: 'rencontre',
    evidence: `Phrase ${counter}.`,
    actors: ['RUS', 'BLR'],
    date: '2022-12',
    precision: 'month',
    basis: 'publication',
    location: null,
    modality: 'asserted',
    occurrence_id: null,
    start: counter * 10,
    end: counter * 10 + 5,
    evidence_start: counter * 10,
    evidence_end: counter * 10 + 9,
    ...overrides,
  };
}

const documents = [
  { doc_id: 'a', published: '2022-12' },
  { doc_id: 'b', published: '2022-12-20' },
  { doc_id: 'c', published: null },
];

describe('datesCompatible', () => {
  it.each([
    ['2022-12', '2022-12-19', true],
    ['2022-12-19', '2022-12', true],
    ['2022', '2022-12-19', true],
    ['2022-12-19', '2022-12-20', false],
    ['2022-12', '2022-11', false],
    ['2022-1', '2022-12', false],
    [null, '2022-12', false],
  ] as const)('%s ~ %s → %s', (a, b, expected) => {
    expect(datesCompatible(a, b)).toBe(expected);
  });
});

describe('groupOccurrences', () => {
  it('groups mentions across articles that share type, actors, and compatible dates and places', () => {
    const events = [
      event({ doc_id: 'a', date: '2022-12', precision: 'month', location: 'Minsk' }),
      event({ doc_id: 'b', date: '2022-12-19', precision: 'day', actors: ['BLR', 'RUS'] }),
      event({ doc_id: 'b', type: 'ASSAULT', actors: ['RUS', 'UKR'] }),
    ];
    const { occurrences, occurrenceOf } = groupOccurrences(events, documents);
    expect(occurrences).toHaveLength(2);
    const consult = occurrences.find((o) => o.type === 'CONSULT');
    expect(consult).toMatchObject({ actors: ['BLR', 'RUS'], date: '2022-12-19', precision: 'day', location: 'Minsk', articles: 2, mentions: 2, first_report: '2022-12', last_report: '2022-12-20' });
    expect(occurrenceOf.get(events[0].id)).toBe(consult?.occurrence_id);
    expect(occurrenceOf.get(events[1].id)).toBe(consult?.occurrence_id);
    expect(occurrenceOf.size).toBe(3);
  });

  it('keeps apart different days, different places and different actors', () => {
    const events = [
      event({ date: '2022-12-19', precision: 'day' }),
      event({ doc_id: 'b', date: '2022-12-20', precision: 'day' }),
      event({ doc_id: 'b', date: '2022-12', location: 'Moscou' }),
      event({ doc_id: 'c', date: '2022-12', location: 'Minsk', actors: ['RUS', 'CHN'] }),
    ];
    expect(groupOccurrences(events, documents).occurrences).toHaveLength(4);
  });

  it('never merges undated mentions nor two events of one sentence', () => {
    const sameSentence = { doc_id: 'a', evidence_start: 500, evidence_end: 600 };
    const events = [
      event({ date: null, precision: null, basis: 'unresolved' }),
      event({ doc_id: 'b', date: null, precision: null, basis: 'unresolved' }),
      event({ type: 'COOPERATE', ...sameSentence }),
      event({ type: 'COOPERATE', ...sameSentence }),
    ];
    expect(groupOccurrences(events, documents).occurrences).toHaveLength(4);
  });

  it('reports null first/last report when no article date is known', () => {
    const { occurrences } = groupOccurrences([event({ doc_id: 'c' })], documents);
    expect(occurrences[0]).toMatchObject({ first_report: null, last_report: null, articles: 1, mentions: 1 });
  });

  it('is deterministic: same ids and order whatever the input order', () => {
    const events = [
      event({ doc_id: 'a', date: '2022-12' }),
      event({ doc_id: 'b', date: '2022-12-19', precision: 'day' }),
      event({ doc_id: 'b', type: 'SANCTION', actors: ['EU', 'RUS'] }),
      event({ doc_id: 'c', type: 'AID', date: '2021', precision: 'year' }),
    ];
    const forward = groupOccurrences(events, documents);
    const backward = groupOccurrences([...events].reverse(), documents);
    expect(backward.occurrences).toEqual(forward.occurrences);
    expect([...backward.occurrenceOf.entries()].sort()).toEqual([...forward.occurrenceOf.entries()].sort());
    expect(forward.occurrences.map((o) => o.type)).toEqual(['AID', 'CONSULT', 'SANCTION']);
    for (const o of forward.occurrences) expect(o.occurrence_id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('groupOccurrences at corpus scale', () => {
  it('groups tens of thousands of mentions of one type and actor pair (near-linear, not quadratic)', () => {
    const days = 5000;
    const dayOf = (i: number): string => `${2000 + Math.floor(i / 336)}-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const events: EventRecord[] = [];
    for (let i = 0; i < days; i++) {
      for (const doc_id of ['a', 'b']) events.push(event({ doc_id, date: dayOf(i), precision: 'day' }));
    }
    for (let i = 0; i < 10000; i++) events.push(event({ doc_id: 'c', date: null, precision: null, basis: 'unresolved' }));
    const { occurrences, occurrenceOf } = groupOccurrences(events, documents);
    expect(occurrenceOf.size).toBe(events.length);
    expect(occurrences).toHaveLength(days + 10000);
    const dated = occurrences.filter((o) => o.date != null);
    expect(dated).toHaveLength(days);
    for (const o of dated) expect(o).toMatchObject({ precision: 'day', articles: 2, mentions: 2 });
  });
});
