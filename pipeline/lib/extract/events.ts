import type { DateMention, DocInput, EventMention } from './types.ts';

/** PLOVER-coded events (annotation guidelines §3). */
export function extractEvents(_doc: DocInput, _dates: DateMention[]): EventMention[] {
  return [];
}
