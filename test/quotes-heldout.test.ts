import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import type { DocInput } from '../pipeline/lib/extract/types.ts';
import { splitSentences } from '../pipeline/lib/text/sentences.ts';
import { HELD_OUT, sameSpeaker } from './fixtures/quotes-heldout.ts';

const doc = (text: string): DocInput => ({ doc_id: 'heldout', text, published: '2024-03', published_precision: 'month', sentences: splitSentences(text) });

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
