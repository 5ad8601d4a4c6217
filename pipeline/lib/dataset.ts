/** Dataset-level metadata for datapackage.json and the generated dist/README.md. */
export const DATASET = {
  name: 'fr-news-events',
  title: 'French news: dates, quotations, events and agreements',
  description:
    'Temporal expressions, direct quotations with their speakers, PLOVER-coded political events and ' +
    'agreements extracted from French news articles, each record with its article, character offsets ' +
    'into the cleaned text and the evidence sentence. Built by a rule-based, reproducible pipeline.',
  version: '0.1.0',
  licenses: [
    {
      name: 'CC-BY-4.0',
      path: 'https://creativecommons.org/licenses/by/4.0/',
      title: 'Creative Commons Attribution 4.0 (extracted records and metadata; article texts remain the property of their publishers)',
    },
  ],
  sources: [
    { title: 'French news articles (seed corpus, seeds/ in the repository)', path: 'seeds/' },
    { title: 'Annotation guidelines', path: 'shared/annotation-guidelines.md' },
    { title: 'PLOVER event ontology', path: 'https://github.com/openeventdata/PLOVER' },
    { title: 'ISO 3166-1 alpha-3 country codes (via i18n-iso-countries)', path: 'https://www.iso.org/iso-3166-country-codes.html' },
  ],
  keywords: ['news', 'French', 'events', 'PLOVER', 'quotations', 'TIMEX3', 'agreements', 'open data'],
} as const;
