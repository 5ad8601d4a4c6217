import { describe, expect, it } from 'vitest';
import { stableId } from '../pipeline/lib/ids.ts';
import { IdSet } from '../pipeline/lib/id-set.ts';

describe('IdSet', () => {
  it('tells a repeated id from a new one, for hashed ids across growth and for other ids', () => {
    const ids = new IdSet();
    const hashed = Array.from({ length: 20_000 }, (_, i) => stableId('events', i));
    for (const id of hashed) expect(ids.add(id)).toBe(true);
    for (const id of hashed) expect(ids.add(id)).toBe(false);
    expect(ids.add('article 1')).toBe(true);
    expect(ids.add('article 1')).toBe(false);
    expect(ids.add('ABCDEF0123456789')).toBe(true); // upper-case hex is not a stableId: kept as a string
    expect(ids.add('abcdef0123456789')).toBe(true);
    expect(ids.size).toBe(20_003);
  });

  it('keeps ids whose low halves collide apart', () => {
    const ids = new IdSet();
    expect(ids.add('0000000100000000')).toBe(true);
    expect(ids.add('0000000200000000')).toBe(true);
    expect(ids.add('0000000100000000')).toBe(false);
    expect(ids.size).toBe(2);
  });
});
