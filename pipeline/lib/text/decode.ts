export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Machine-readable codes of what decoding had to repair. */
  repairs: string[];
}

/**
 * Decodes raw article bytes. A BOM decides UTF-8/UTF-16; otherwise strict UTF-8 is
 * tried, and bytes that are not valid UTF-8 are read as Windows-1252 (a superset of
 * Latin-1 for the printable range, and what French newsrooms' legacy tools write).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', repairs: ['bom_stripped'] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', repairs: ['converted_from_utf16'] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', repairs: ['converted_from_utf16'] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', repairs: [] };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', repairs: ['converted_from_windows1252'] };
  }
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
