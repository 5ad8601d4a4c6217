import type { AgreementMention, DateMention, DocInput } from './types.ts';

/** Agreements with their status (annotation guidelines §4). */
export function extractAgreements(_doc: DocInput, _dates: DateMention[]): AgreementMention[] {
  return [];
}
