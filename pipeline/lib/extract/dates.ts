import type { DateMention, DocInput } from './types.ts';

/** French temporal expressions (annotation guidelines §1). */
export function extractDates(_doc: DocInput): DateMention[] {
  return [];
}
