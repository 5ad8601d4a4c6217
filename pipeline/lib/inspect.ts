import type { QualityEntry } from './quality.ts';

type Verdict = Pick<QualityEntry, 'code' | 'reason'>;

/** Why raw bytes cannot be an article at all, or null when they may be one. */
export function rejectBytes(bytes: Uint8Array): Verdict | null {
  if (bytes.length === 0) return { code: 'empty_file', reason: 'the file is empty' };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16) {
    let control = 0;
    for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) control++;
    if (control > 0 && control / sample.length > 0.01) return { code: 'binary_file', reason: 'the file holds binary data, not text' };
  }
  return null;
}

/** Why a cleaned text cannot be published, or null. */
export function rejectText(text: string): Verdict | null {
  if (text.trim() === '') return { code: 'no_text', reason: 'no article text (empty, whitespace or header only)' };
  return null;
}
