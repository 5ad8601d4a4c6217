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

export function formatQualityLine(e: QualityEntry): string {
  return `${e.outcome === 'rejected' ? 'rejected' : 'warning'}: ${e.file}: ${e.reason} [${e.code}]`;
}
