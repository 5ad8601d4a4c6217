import * as crypto from 'node:crypto';

/** One-shot hashing (Node ≥ 20.12) costs a fraction of a Hash object for the short inputs of ids. */
const hashOnce = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function sha256Hex(data: string | Uint8Array): string {
  return hashOnce ? hashOnce('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * A stable 16-hex-digit id hashed from the raw values that identify a record. Every record
 * takes one: the one-shot `crypto.hash` (see sha256Hex) costs a third of a `createHash` object for these short keys.
 */
export function stableId(...parts: Array<string | number | null | undefined>): string {
  let key = '';
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    key += (k === 0 ? '' : ID_SEPARATOR) + (p == null ? '' : String(p));
  }
  return idOfKey(key);
}

/** What separates the parts of a stableId's key. */
export const ID_SEPARATOR = '\u241f';

/** The id of a key already joined as stableId joins its parts (a template literal builds it faster than the loop above). */
export const idOfKey = (key: string): string => sha256Hex(key).slice(0, 16);

/** The id of a span the cleaning removed (`removals.id`). */
export function removalId(docId: string, removal: { reason: string; raw_start: number; raw_end: number }): string {
  return stableId('removals', docId, removal.reason, removal.raw_start, removal.raw_end);
}

/** An article's id: its file name without `.txt`. */
export function docIdOf(sourceFile: string): string {
  return sourceFile.replace(/\.txt$/i, '');
}
