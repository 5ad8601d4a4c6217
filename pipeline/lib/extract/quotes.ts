import type { DateMention, DocInput, QuoteMention } from './types.ts';

/** Direct quotations and their speakers (annotation guidelines §2). */
export function extractQuotes(_doc: DocInput, _dates: DateMention[]): QuoteMention[] {
  return [];
}
