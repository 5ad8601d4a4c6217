import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { aggregateEntities, entityIdFor, type EntityMention } from '../pipeline/lib/extract/entities.ts';
import { extractDocument } from '../pipeline/lib/extract/index.ts';
import { batchLines, countBatchLines, linkBatch, partitionBatch, partitionLine, partitionOf, withOccurrence } from '../pipeline/lib/link/batches.ts';
import { entityRecords } from '../pipeline/lib/link/entities.ts';
import { LineBatches } from '../pipeline/lib/io/line-batches.ts';
import type { EventRecord } from '../pipeline/lib/types.generated.ts';
import { tempDir } from './helpers.ts';

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('batchLines and countBatchLines', () => {
  it.each([
    ['a\nb\n', ['a', 'b']],
    ['a\r\n\r\nb', ['a', 'b']],
    ['\n\n', []],
    ['', []],
    ['é€\n"x\\ny"\n', ['é€', '"x\\ny"']],
  ])('%j → %j', (text, lines) => {
    expect(batchLines(bytes(text))).toEqual(lines);
    expect(countBatchLines(bytes(text))).toBe(lines.length);
  });
});

describe('LineBatches', () => {
  it('cuts a file into batches of whole lines, longer than a batch when a line is', () => {
    const dir = tempDir('link-batches');
    const lines = Array.from({ length: 200 }, (_, i) => `${i}:${'é'.repeat(i % 37)}${i % 50 === 0 ? 'x'.repeat(500) : ''}`);
    const text = lines.join('\n');
    writeFileSync(join(dir, 'f.jsonl'), text);
    for (const batchBytes of [1, 16, 100, 1 << 16]) {
      const reader = new LineBatches(join(dir, 'f.jsonl'), batchBytes);
      const batches: Buffer[] = [];
      for (let b = reader.next(); b !== null; b = reader.next()) batches.push(b);
      expect(Buffer.concat(batches).toString('utf8')).toBe(text);
      for (const b of batches.slice(0, -1)) expect(b[b.length - 1]).toBe(0x0a);
      expect(batches.flatMap((b) => batchLines(b))).toEqual(lines);
    }
  });
});

describe('partitionBatch', () => {
  it('gives each event its partition and the line the partition file held before', () => {
    const events: Array<Partial<EventRecord>> = [
      { id: 'e1', doc_id: 'a', type: 'CONSULT', actors: ['RUS', 'BLR'], date: '2022-12', precision: 'month', location: 'Minsk', start: 5, evidence_start: 0 },
      { id: 'e2', doc_id: 'b', type: 'AID', actors: ['UKR'], date: null, precision: null, start: 9, evidence_start: 3 },
    ];
    const batch = partitionBatch(bytes(events.map((e) => JSON.stringify({ ...e, evidence: 'x "y"' })).join('\n')), 5);
    expect([...batch.partitions]).toEqual(events.map((e) => partitionOf(e as EventRecord, 5)));
    expect(batch.docIds).toEqual(['a', 'b']);
    expect(partitionLine(batch.heads[0], '2022-12-19')).toBe(JSON.stringify(['e1', 'a', 'CONSULT', ['RUS', 'BLR'], '2022-12', 'month', 'Minsk', 5, 0, '2022-12-19']));
    // a missing field is null in the line, as in a JSON array
    expect(partitionLine(batch.heads[1], null)).toBe(JSON.stringify(['e2', 'b', 'AID', ['UKR'], null, null, null, 9, 3, null]));
  });
});

describe('linkBatch', () => {
  const event = { id: '96b7c9aba7f1a992', doc_id: 'd1', type: 'CONSULT', trigger: 'négocient', evidence: 'Il a dit : ,"occurrence_id":null, – « non ».', actors: ['RUS'], date: null, precision: null, basis: 'none', location: null, modality: 'asserted', occurrence_id: null, start: 1, end: 2, evidence_start: 0, evidence_end: 9 };
  const linked = (e: object, occurrence: string | null) => JSON.stringify({ ...e, occurrence_id: occurrence }) + '\n';

  it('sets the occurrence of lines written by the extract stage as parsing and writing them again would', () => {
    const line = JSON.stringify(event);
    expect(withOccurrence(line, event.id, 'abcdef0123456789')).toBe(linked(event, 'abcdef0123456789').trimEnd());
    expect(withOccurrence(line, event.id, null)).toBe(line);
    expect(linkBatch(bytes(`${line}\n${line}\n`), [`${event.id}\tabcdef0123456789`, `${event.id}\t`])).toBe(linked(event, 'abcdef0123456789') + linked(event, null));
  });

  it('parses any other line: fields in another order, spaces, no occurrence field, another id', () => {
    const { id, ...rest } = event;
    const others = [JSON.stringify({ ...rest, id }), JSON.stringify(event, null, 1).replace(/\n/g, ''), JSON.stringify({ ...event, occurrence_id: undefined })];
    for (const line of others) {
      expect(withOccurrence(line, event.id, 'abcdef0123456789')).toBeNull();
      expect(linkBatch(bytes(line), [`${event.id}\tabcdef0123456789`])).toBe(linked(JSON.parse(line), 'abcdef0123456789'));
    }
    expect(withOccurrence(JSON.stringify(event), 'ffffffffffffffff', null)).toBeNull();
    expect(() => linkBatch(bytes(JSON.stringify(event)), ['ffffffffffffffff\t'])).toThrow(/out of step/);
    expect(() => linkBatch(bytes(JSON.stringify(event)), [])).toThrow(/out of step/);
  });
});

describe('entityRecords', () => {
  const mention = (doc_id: string, canonical: string, surface = canonical, type: EntityMention['type'] = 'person'): EntityMention & { doc_id: string } => ({
    doc_id, surface, canonical, type, country_code: type === 'country' ? 'RUS' : null, start: 0, end: surface.length,
  });
  it.each([
    ['in article order', ['a', 'a', 'b', 'c', 'c']],
    ['interleaved', ['b', 'a', 'c', 'a', 'b']],
  ])('is the table of aggregateEntities (%s)', (_, docs) => {
    const mentions = docs.flatMap((d, i) => [
      mention(d, 'Vladimir Poutine', i % 2 ? 'Poutine' : 'Vladimir  Poutine'),
      mention(d, 'vladimir poutine'),
      mention(d, 'Russie', 'Russie', 'country'),
      mention(d, 'Russie', 'russe', 'country'),
    ]);
    const dir = tempDir('link-entities');
    writeFileSync(join(dir, 'entity_mentions.jsonl'), mentions.map((m) => JSON.stringify(m) + '\n').join(''));
    expect(entityRecords(join(dir, 'entity_mentions.jsonl'))).toEqual(aggregateEntities(mentions));
  });

  it('gives one row to a person or organization the gazetteer knows, however each article names it, and its quotes point at that row', () => {
    const articles = [
      'Poutine a menacé les Occidentaux. « Nous ne reculerons pas », a déclaré Poutine mardi. « Les sanctions seront renforcées », a annoncé l’UE.',
      'Le président russe Vladimir Poutine a parlé. « Nous vaincrons », a affirmé Vladimir Poutine. « Rien ne change », a indiqué l’Union européenne.',
    ].map((text, i) => extractDocument(cleanArticle(new TextEncoder().encode(text), `article-${i}.txt`)));
    const dir = tempDir('link-identity');
    writeFileSync(join(dir, 'entity_mentions.jsonl'), articles.flatMap((a) => a.entity_mentions).map((m) => JSON.stringify(m) + '\n').join(''));
    const rows = entityRecords(join(dir, 'entity_mentions.jsonl'));
    const putin = rows.filter((r) => r.type === 'person');
    expect(putin).toEqual([expect.objectContaining({ name: 'Vladimir Poutine', aliases: ['Poutine', 'Vladimir Poutine'], doc_count: 2, country_code: 'RUS' })]);
    expect(putin[0].id).toBe(entityIdFor('person', 'Vladimir Poutine'));
    const eu = rows.filter((r) => r.type === 'organization');
    expect(eu).toEqual([expect.objectContaining({ name: 'Union européenne', aliases: ['UE', 'Union européenne'], doc_count: 2 })]);
    // the speaker stays as the article writes it; its id is the row's
    const quotes = articles.flatMap((a) => a.quotes).map((q) => [q.speaker, q.speaker_id]);
    expect(quotes).toEqual([
      ['Poutine', putin[0].id],
      ['UE', eu[0].id],
      ['Vladimir Poutine', putin[0].id],
      ['Union européenne', eu[0].id],
    ]);
  });
});
