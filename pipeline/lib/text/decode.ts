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
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', repairs: ['converted_from_windows1252'] };
  }
}
