/** One line of the quality report: a file that was rejected, or published with warnings. */
export interface QualityEntry {
  file: string;
  sha256: string | null;
  outcome: 'published' | 'rejected';
  /** Stable machine-readable code, e.g. `empty_file`, `converted_from_windows1252`. */
  code: string;
  /** The reason in words, for people. */
  reason: string;
  stage: 'clean' | 'extract' | 'validate';
}

/** One line per problem, naming the file (quoted when its name holds a line break or control character). */
/**
 * Every code the clean stage reports, with the outcome it goes with and what it means:
 * the vocabulary of the quality report, for its users and its documentation.
 */
export const CLEAN_QUALITY_CODES = {
  not_txt: ['rejected', 'not an article file (.txt, .jsonl, .jsonl.gz, .csv, .csv.gz); skipped'],
  not_a_file: ['rejected', 'a special file, or a symbolic link to a folder, in the input folder; skipped'],
  hidden: ['rejected', 'a hidden file or folder (its name starts with `.`); skipped, a folder without being read'],
  link_outside: ['rejected', 'a symbolic link to outside the input folder; not followed'],
  unreadable: ['rejected', 'the file could not be read (dangling link, permissions, a damaged gzip stream)'],
  too_large: ['rejected', 'above the size limit for one article (MAX_ARTICLE_BYTES); not read'],
  invalid_json: ['rejected', 'a line of a JSON Lines file that is not a JSON object; the rest of the file is read'],
  invalid_csv: ['rejected', 'a row of a CSV file whose number of fields differs from the header\'s; the rest of the file is read'],
  no_text: ['rejected', 'a record of a JSON Lines or CSV file without article text (see INPUT_FIELDS)'],
  empty_file: ['rejected', 'zero bytes'],
  binary_file: ['rejected', 'binary data (control bytes), not text'],
  whitespace_only: ['rejected', 'nothing but white space'],
  header_only: ['rejected', 'nothing left once the date header or dateline is lifted'],
  not_french: ['rejected', 'confidently identified as another language (tinyld), or so labelled by its record\'s language field; not extracted'],
  duplicate: ['rejected', 'same bytes, or same cleaned text, as an article kept under another name (named in the reason): the copy kept is a dated one, then one not repaired, then the first'],
  clean_failed: ['rejected', 'cleaning failed unexpectedly on this file'],
  bom_stripped: ['published', 'UTF-8 byte-order mark removed'],
  converted_from_utf16: ['published', 'decoded from UTF-16 (BOM)'],
  converted_from_windows1252: ['published', 'decoded from Windows-1252'],
  invalid_utf8_replaced: ['published', 'mostly UTF-8; broken byte sequences replaced by U+FFFD'],
  invalid_header_date: ['published', 'the ` date` header is not a calendar date; removed, not used as the document date'],
  invalid_metadata_date: ['published', 'the date field of a JSON Lines or CSV record is not an ISO 8601 date; not used as the document date'],
  unbalanced_quotes: ['published', 'quote marks do not pair up'],
  truncated_text: ['published', 'the text ends without final punctuation, mid-sentence'],
} as const satisfies Record<string, readonly [QualityEntry['outcome'], string]>;

/** Codes the extract stage reports. */
export const EXTRACT_QUALITY_CODES = {
  extract_failed: ['rejected', 'an extractor failed on this article; it is left out of every table (the reason holds the error)'],
  extraction_truncated: ['published', 'over the extraction budget (a sentence longer than MAX_SENTENCE_TOKENS tokens, read in windows): published with what was extracted within it; the same text always gives the same records'],
} as const satisfies Record<string, readonly [QualityEntry['outcome'], string]>;

export function formatQualityLine(e: QualityEntry): string {
  const file = /[\u0000-\u001f\u007f]/.test(e.file) ? JSON.stringify(e.file) : e.file;
  return `${e.outcome === 'rejected' ? 'rejected' : 'warning'}: ${file}: ${e.reason} [${e.code}]`;
}
