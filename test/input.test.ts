// Reading corpora as people have them (issue 20): records of JSON Lines and CSV files, their
// metadata, which copy of an article is kept, and the document date the metadata gives.
import { describe, expect, it } from 'vitest';
import { withMetadataDate } from '../pipeline/lib/input/metadata-date.ts';

describe('the document date from metadata', () => {
  it.each([
    ['a day from metadata wins over a month header', '2022-03-10', 'day', { published: '2022-03', published_precision: 'month', published_basis: 'header' }, ['2022-03-10', 'day', 'metadata']],
    ['a day from metadata wins over an inferred day', '2022-03-10', 'day', { published: '2022-03-09', published_precision: 'day', published_basis: 'inferred' }, ['2022-03-10', 'day', 'metadata']],
    ['a month from metadata wins over the same month in the header', '2022-03', 'month', { published: '2022-03', published_precision: 'month', published_basis: 'header' }, ['2022-03', 'month', 'metadata']],
    ['a day in the text refines a month from metadata', '2022-03', 'month', { published: '2022-03-09', published_precision: 'day', published_basis: 'inferred' }, ['2022-03-09', 'day', 'inferred']],
    ['a day in the text outside a month from metadata does not', '2022-03', 'month', { published: '2021-07-09', published_precision: 'day', published_basis: 'inferred' }, ['2022-03', 'month', 'metadata']],
    ['no metadata date leaves the text\'s date', null, null, { published: '2022-03', published_precision: 'month', published_basis: 'header' }, ['2022-03', 'month', 'header']],
  ] as const)('%s', (_what, published, precision, fromText, expected) => {
    const chosen = withMetadataDate({ published, published_precision: precision }, fromText);
    expect([chosen.published, chosen.published_precision, chosen.published_basis]).toEqual(expected);
  });

  it('keeps the day of publication the text gives only within a coarser metadata date', () => {
    const fromText = { published: '2022-03', published_precision: 'month', published_basis: 'header', textDay: '2022-03-09' } as const;
    expect(withMetadataDate({ published: '2022-03', published_precision: 'month' }, fromText).textDay).toBe('2022-03-09');
    expect(withMetadataDate({ published: '2022', published_precision: 'year' }, { ...fromText, published: '2022', published_precision: 'year' }).textDay).toBe('2022-03-09');
    expect(withMetadataDate({ published: '2021-11', published_precision: 'month' }, fromText).textDay).toBeNull();
    expect(withMetadataDate({ published: '2022-03-10', published_precision: 'day' }, fromText).textDay).toBeNull();
  });
});
