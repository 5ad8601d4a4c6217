// The document date when the input's metadata gives one (a scraper's publication date, usually
// to the day): it wins over the header and the dates the text gives, unless they are more
// precise and fall within it.
import type { DocumentRecord } from '../types.generated.ts';

type Published = Pick<DocumentRecord, 'published' | 'published_precision' | 'published_basis'>;
type Precision = NonNullable<DocumentRecord['published_precision']>;

const PRECISION_RANK: Record<Precision, number> = { year: 1, month: 2, day: 3 };

/**
 * `fromText` (the header's date or the text's, and the day of publication the text gives,
 * `textDay`, when finer) with the metadata date in place of its date: unless the text's date
 * is more precise and within the metadata's. A `textDay` outside the metadata date is dropped.
 */
export function withMetadataDate<P extends Published & { textDay?: string | null }>(
  metadata: { published: string | null; published_precision: Precision | null } | null | undefined,
  fromText: P,
): P {
  const { published, published_precision: precision } = metadata ?? {};
  if (!published || !precision) return fromText;
  const refines = fromText.published !== null && fromText.published_precision !== null &&
    fromText.published.startsWith(published) && PRECISION_RANK[fromText.published_precision] > PRECISION_RANK[precision];
  if (refines) return fromText;
  const chosen: P = { ...fromText, published, published_precision: precision, published_basis: 'metadata' };
  if ('textDay' in fromText) chosen.textDay = precision !== 'day' && fromText.textDay?.startsWith(published) ? fromText.textDay : null;
  return chosen;
}
