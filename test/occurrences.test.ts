import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datesCompatible, groupOccurrences } from '../pipeline/lib/extract/occurrences.ts';
import { linkOccurrences } from '../pipeline/lib/link/occurrences.ts';
import type { LinkJob } from '../pipeline/lib/link/batches.ts';
import type { LinkPool } from '../pipeline/lib/link/occurrences.ts';
import { TaskPool } from '../pipeline/lib/task-pool.ts';
import type { EventRecord } from '../pipeline/lib/types.generated.ts';
import { tempDir } from './helpers.ts';

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

describe('linkOccurrences (partitioned, bounded memory)', () => {
  // a mixed corpus: several types and actor sets, nested dates over two years, places, undated
  // mentions, two mentions of one sentence, articles without a date or without a documents row
  const docs = Array.from({ length: 40 }, (_, i) => ({ doc_id: `d${String(i).padStart(3, '0')}`, published: i % 7 === 3 ? null : `2022-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }));
  const dates: Array<[string | null, EventRecord['precision']]> = [
    ['2022-12-19', 'day'], ['2022-12-20', 'day'], ['2022-12', 'month'], ['2022', 'year'], ['2023-01-05', 'day'], ['2023-01', 'month'], ['2023', 'year'], [null, null],
  ];
  const types: EventRecord['type'][] = ['CONSULT', 'SUPPORT', 'AID'];
  const actorSets = [['RUS', 'BLR'], ['BLR', 'RUS'], ['UKR'], ['EU', 'RUS']];
  const corpus = (withMissingArticles: boolean): EventRecord[] => Array.from({ length: 600 }, (_, i) => {
    const [date, precision] = dates[(i * 7) % dates.length];
    const doc_id = withMissingArticles && i % 50 === 49 ? 'missing' : docs[Math.floor(i / 15)].doc_id;
    return event({
      doc_id, date, precision, basis: date ? 'explicit' : 'unresolved',
      type: types[i % types.length], actors: actorSets[(i >> 2) % actorSets.length],
      location: i % 5 === 0 ? 'Minsk' : i % 11 === 0 ? 'minsk' : i % 13 === 0 ? 'Moscou' : null,
      ...(i % 40 === 1 ? { evidence_start: 7, evidence_end: 90 } : {}),
    });
  });
  const events = corpus(false);

  /** What the link stage wrote before partitioning: the in-memory grouping of the whole corpus. */
  function inMemory(input: EventRecord[]): { occurrences: string; events: string } {
    const { occurrences, occurrenceOf } = groupOccurrences(input.map((e) => ({ ...e, evidence: '', trigger: '' })), docs);
    return {
      occurrences: occurrences.map((o) => JSON.stringify(o) + '\n').join(''),
      events: input.map((e) => JSON.stringify({ ...e, occurrence_id: occurrenceOf.get(e.id) ?? null }) + '\n').join(''),
    };
  }

  async function partitioned(input: EventRecord[], partitions: number | undefined, more: { pool?: LinkPool; batchBytes?: number } = {}) {
    const dir = tempDir('link-occurrences');
    writeFileSync(join(dir, 'events.jsonl'), input.map((e) => JSON.stringify(e) + '\n').join(''));
    writeFileSync(join(dir, 'documents.jsonl'), docs.map((d) => JSON.stringify({ ...d, text: 'x' }) + '\n').join(''));
    const options = {
      eventsFile: join(dir, 'events.jsonl'), documentsFile: join(dir, 'documents.jsonl'),
      occurrencesFile: join(dir, 'occurrences.out.jsonl'), linkedEventsFile: join(dir, 'events.out.jsonl'), tmpDir: join(dir, 'tmp'), partitions, ...more,
    };
    const counts = await linkOccurrences(options);
    expect(existsSync(options.tmpDir)).toBe(false);
    return { counts, occurrences: readFileSync(options.occurrencesFile, 'utf8'), events: readFileSync(options.linkedEventsFile, 'utf8') };
  }

  it.each([1, 3, 17, 64, undefined])('writes byte for byte the in-memory result with %s partition(s)', async (partitions) => {
    const expected = inMemory(events);
    expect(expected.occurrences.split('\n').length).toBeGreaterThan(50);
    expect(expected.occurrences).toContain('"mentions":3');
    const got = await partitioned(events, partitions);
    expect(got.occurrences).toBe(expected.occurrences);
    expect(got.events).toBe(expected.events);
    expect(got.counts.events).toBe(events.length);
  });

  it('also when the events are not in the articles\' order or name an article without a row', async () => {
    const shuffled = corpus(true).map((e, i) => [(i * 7919) % events.length, e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    const expected = inMemory(shuffled);
    const got = await partitioned(shuffled, 5);
    expect(got.occurrences).toBe(expected.occurrences);
    expect(got.events).toBe(expected.events);
  });

  it('writes the same bytes with worker threads, whatever the batches', async () => {
    const expected = inMemory(events);
    const pool: LinkPool = new TaskPool<LinkJob>(new URL('../pipeline/lib/link/worker.ts', import.meta.url), 2);
    try {
      for (const batchBytes of [1 << 20, 2000, 1]) {
        const got = await partitioned(events, 7, { pool, batchBytes });
        expect(got.occurrences).toBe(expected.occurrences);
        expect(got.events).toBe(expected.events);
        expect(await partitioned(events, 7, { batchBytes })).toEqual(got);
      }
    } finally {
      await pool.close();
    }
  });

  it('gives an occurrence reported more times than a call takes arguments the same id', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => event({ doc_id: `m${i}`, date: '2022-12-19', precision: 'day', evidence: '', trigger: '' }));
    const { occurrences } = groupOccurrences(many, []);
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0].mentions).toBe(many.length);
  });
});
