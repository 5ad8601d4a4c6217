import type { Removal } from '../clean.ts';
import type { DocumentRecord } from '../types.generated.ts';

export type Published = Pick<DocumentRecord, 'published' | 'published_precision' | 'published_basis'>;

const VALID_HEADER = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

/**
 * The document date: the header when it holds a real date; else the precision the
 * text's own explicit evidence supports (guidelines §0); else unknown. Never the clock.
 */
export function documentDate(headerDate: string | null, _text: string, _removals: Removal[]): Published {
  if (headerDate && VALID_HEADER.test(headerDate)) {
    return { published: headerDate, published_precision: headerDate.length === 7 ? 'month' : 'day', published_basis: 'header' };
  }
  return { published: null, published_precision: null, published_basis: 'unknown' };
}
