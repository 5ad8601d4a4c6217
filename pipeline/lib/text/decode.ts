export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Machine-readable codes of what decoding had to repair. */
  repairs: string[];
}

/**
 * Decodes raw article bytes. A BOM decides UTF-8/UTF-16. Otherwise valid UTF-8 is
 * UTF-8; bytes that are mostly UTF-8 with a few broken sequences (a damaged copy) are
 * decoded as UTF-8 with U+FFFD in place of each broken sequence; and bytes with no or
 * hardly any valid multi-byte sequence are read as Windows-1252 (a superset of
 * Latin-1 for the printable range, and what French newsrooms' legacy tools write).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    const repairs = ['bom_stripped', ...(decodeWellFormedUtf8(rest) === null ? ['invalid_utf8_replaced'] : [])];
    return { text: new TextDecoder('utf-8').decode(rest), encoding: 'utf-8-bom', repairs };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', repairs: ['converted_from_utf16'] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', repairs: ['converted_from_utf16'] };
  }
  const valid = decodeWellFormedUtf8(bytes);
  if (valid !== null) return { text: valid, encoding: 'utf-8', repairs: [] };
  const scan = scanUtf8(bytes);
  // In Windows-1252 French, an accented letter followed by a byte that happens to make
  // a valid UTF-8 sequence ("É’" is C9 92) is rare, and each lone accent is an invalid
  // sequence: more valid multi-byte sequences than broken ones means damaged UTF-8.
  if (scan.validMultibyte > scan.invalid) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', repairs: ['invalid_utf8_replaced'] };
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', repairs: ['converted_from_windows1252'] };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of well-formed UTF-8 (what `scanUtf8` finds no invalid sequence in), else null.
 * The native strict decoder checks the common case much faster than `scanUtf8`.
 */
export function decodeWellFormedUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes. */
  validMultibyte: number;
  /** Ill-formed sequences, counted as the WHATWG decoder counts its U+FFFD replacements. */
  invalid: number;
}

/** Counts well-formed multi-byte and ill-formed sequences, by the UTF-8 rules of RFC 3629. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let validMultibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
    else { invalid++; i++; continue; }
    let j = 1;
    for (; j <= need && i + j < bytes.length; j++) {
      const c = bytes[i + j];
      const lo = j === 1 ? lower : 0x80;
      const hi = j === 1 ? upper : 0xbf;
      if (c < lo || c > hi) break;
    }
    if (j > need) { validMultibyte++; i += need + 1; }
    else { invalid++; i += j; }
  }
  return { validMultibyte, invalid };
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Node's TextDecoder('windows-1252')
// decodes that range as Latin-1 C1 controls, so the table is applied here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}
