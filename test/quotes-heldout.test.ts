import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';
import { HELD_OUT, sameSpeaker } from './fixtures/quotes-heldout.ts';

const doc = (text: string) => articleContext('heldout', text, '2024-03');

describe('held-out quotations', () => {
  it.each(HELD_OUT.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = extractQuotes(doc(c.text), []).map((q) => ({ text: q.text, speaker: q.speaker, cue: q.cue }));
    expect(got.map((q) => q.text)).toEqual(c.quotes.map((q) => q.text));
    got.forEach((q, k) => {
      if (!c.quotes[k].knownMiss) expect(sameSpeaker(c.quotes[k].speaker, q.speaker), `${q.text}: ${q.speaker} vs ${c.quotes[k].speaker}`).toBe(true);
      expect(q.cue).toBe(c.quotes[k].cue);
    });
  });
});
