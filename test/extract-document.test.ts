import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { extractDocument } from '../pipeline/lib/extract/index.ts';
import { removalTexts, spanProblems } from '../pipeline/lib/extract/rows.ts';
import { removalId } from '../pipeline/lib/ids.ts';

const article = (raw: string) => cleanArticle(new TextEncoder().encode(raw), 'post.txt');

describe('extractDocument', () => {
  it('keeps the date of a removed embedded post, indexing the removal text', () => {
    const a = article('Le président a parlé jeudi à la télévision.\nSon message est clair https://t.co/x pic.twitter.com/y\n— Le Journal (@lejournal) March 3, 2021\nLa suite de l’article.');
    const ex = extractDocument(a);
    const signature = a.removals.find((r) => r.reason === 'social_media_attribution')!;
    const fromPost = ex.dates.filter((d) => d.removal_id !== null);
    expect(fromPost).toEqual([expect.objectContaining({ text: 'March 3, 2021', value: '2021-03-03', precision: 'day', basis: 'explicit', removal_id: removalId('post', signature) })]);
    expect(signature.text.slice(fromPost[0].start, fromPost[0].end)).toBe('March 3, 2021');
    expect(ex.dates.filter((d) => d.removal_id === null).map((d) => d.text)).toEqual(['jeudi']);
    expect(spanProblems(a.text, ex, removalTexts(a))).toEqual([]);
  });

  it('gives every record its document and a stable id', () => {
    const a = article(' date 2022-12 Le ministre se rendra lundi à Paris, a annoncé le gouvernement.');
    const first = extractDocument(a);
    const again = extractDocument(a);
    expect(again).toEqual(first);
    expect(first.documents[0]).toMatchObject({ doc_id: 'post', published: '2022-12', published_basis: 'header' });
    for (const d of first.dates) expect(d).toMatchObject({ doc_id: 'post', id: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });
});
