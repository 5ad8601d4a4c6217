// The extract stage's output tables, apart from the extractors: the stages that only move
// these files (extract's own thread, export-shard, merge) do not load the extractors' lexicons.

/** The published per-document tables the extract stage writes. */
export const PER_DOCUMENT_TABLES = ['documents', 'removals', 'dates', 'quotes', 'events', 'agreements'] as const;
/** Intermediate per-document outputs that only later stages read (never published). */
export const INTERNAL_TABLES = ['entity_mentions'] as const;
export const EXTRACT_OUTPUTS = [...PER_DOCUMENT_TABLES, ...INTERNAL_TABLES] as const;
/**
 * After its tables, each article's output holds its lines of the quality report (published
 * with a warning, such as `extraction_truncated`): cached with the tables, so that a rebuild
 * from the cache reports them again.
 */
export const QUALITY_PART = EXTRACT_OUTPUTS.length;
