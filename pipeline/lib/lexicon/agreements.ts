/**
 * Lexicons for agreements: the nouns naming them (with their kind), the policy
 * domains they cover and the cues that give their status.
 */
import type { AgreementRecord } from '../types.generated.ts';

export type AgreementKind = AgreementRecord['kind'];
export type AgreementDomain = AgreementRecord['domains'][number];
export type AgreementStatus = AgreementRecord['status'];

const ADJECTIVE = String.raw`(?:militaires?|douanières?|douaniers?|économiques?|commerciale?s?|commerciaux|stratégiques?|énergétiques?|gaziers?|gazières?|pétroliers?|nucléaires?|bilatérale?s?|bilatéraux|multilatérale?s?|multilatéraux|communes?|conjointe?s?|unifiée?s?|politiques?|financiers?|financières?|industriels?|industrielles?|agricoles?|sanitaires?|sécuritaires?|fiscale?s?|fiscaux|monétaires?|historiques?|supranationale?s?|intergouvernementale?s?|intergouvernementaux|régionale?s?|régionaux|global|globale?s?|globaux|d['’]amitié|d['’]association|de\s+(?:coopération|partenariat|libre-échange|paix|défense|sécurité|non-agression|cessez-le-feu|assistance\s+mutuelle|sécurité\s+collective)|(?:russo|sino|franco|germano|américano|biélorusso|turco|irano|israélo)-[\p{L}-]+)`;
/** Relational adjectives by their suffix (`céréalier`, `historique`, `migratoire`, `spatial`). */
const SUFFIX_ADJECTIVE = String.raw`\p{Ll}[\p{Ll}-]*(?:ier|ière|iers|ières|ique|iques|aire|aires|oire|oires|al|ale|aux|ales|el|elle|els|elles|if|ive|ifs|ives)`;
const ANY_ADJECTIVE = String.raw`(?:${ADJECTIVE}|${SUFFIX_ADJECTIVE})`;
const MODIFIERS = String.raw`(?:\s+${ANY_ADJECTIVE}(?:\s+et\s+${ANY_ADJECTIVE})?){0,3}`;
/** A proper name after the head: `accord de Minsk`, `accords d'Abraham`, `traité New Start`. */
const PROPER = String.raw`(?:\s+(?:de|d['’])\s*\p{Lu}[\p{L}-]+|\s+\p{Lu}[\p{L}\p{N}-]+(?:\s+\p{Lu}[\p{L}\p{N}-]+)?)?`;
const QUANTITY = String.raw`(?:\s+de\s+(?:plusieurs|\d+(?:[.,]\d+)?|quelques|près\s+de\s+\d+)\s+(?:milliards?|millions?)(?:\s+(?:de\s+|d['’])(?:dollars|roubles|euros))?)?`;
const COUNT = String.raw`(?:(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|une\s+vingtaine\s+d['’]|une\s+dizaine\s+d['’])\s+)?`;
const PREFIX = String.raw`(?:(?:nouveaux?|nouvelles?|nouvel|premiers?|premières?|vastes?|importants?|grands?)\s+)?`;

/** Whether `code` is an ASCII letter (after which no `(?<![\p{L}])` matches). */
const isAsciiLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** What a `COUNT` can begin with. */
const COUNT_STARTS = [...DIGITS, 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'quinze', 'vingt', 'trente', 'une'];
/** What a `PREFIX` can begin with. */
const PREFIX_STARTS = ['nouve', 'premi', 'vaste', 'important', 'grand'];

export interface AgreementPattern {
  kind: AgreementKind;
  /** Words every match holds at a word start (case included): a text without them cannot match. */
  heads: string[];
  /** What every match begins with (case included): the pattern is tried only there. */
  starts: ReadonlySet<string>;
  /** Sticky, so that it is tried at one place. */
  pattern: RegExp;
}

const p = (kind: AgreementKind, heads: string[], starts: string[], source: string): AgreementPattern => ({
  kind,
  heads,
  starts: new Set(starts),
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])${source}(?![\p{L}\p{N}])`, 'uy'),
});

/** Agreement names, most specific first; matches are kept longest-first. */
export const AGREEMENT_PATTERNS: AgreementPattern[] = [
  p('other', ['approfondissement'], ['approfondissement'], String.raw`approfondissement\s+(?:de|des|du)\s+(?:l['’]|leurs?\s+|la\s+|les\s+)?(?:union|liens|relations|intégration|coopération|partenariat)${MODIFIERS}`),
  p('joint_force', ['force', 'armée', 'contingent', 'groupement'], [...PREFIX_STARTS, 'force', 'armée', 'contingent', 'groupement'], String.raw`${PREFIX}(?:forces?|armée|contingent|groupement\s+régional(?:\s+de\s+forces)?)(?:\s+(?:militaires?|d['’]intervention|de\s+réaction\s+rapide))?\s+(?:commune|conjointe|unifiée|communes|conjointes|unifiées)`),
  p('union', ['Union', 'Communauté', 'État'], ['Union', 'Communauté', 'État'], String.raw`(?:Union|Communauté|État\s+de\s+l['’]Union|État\s+uni(?:fié)?)\s+(?!européenne|africaine|soviétique|des\s+|de\s+la\s+|du\s+|internationale|nationale|pour\s)[\p{L}-]+(?:\s+(?:économique|douanière|eurasiatique|eurasienne))?`),
  p('union', ['union'], ['union'], String.raw`union(?:\s+${ANY_ADJECTIVE}(?:\s+et\s+${ANY_ADJECTIVE})?){1,3}`),
  p('treaty', ['traité', 'pacte', 'charte'], [...COUNT_STARTS, ...PREFIX_STARTS, 'traité', 'pacte', 'charte'], `${COUNT}${PREFIX}(?:traités?|pactes?|chartes?)${PROPER}${MODIFIERS}`),
  p('accord', ['accord', 'entente', 'protocole', 'mémorandum', 'convention'], [...COUNT_STARTS, ...PREFIX_STARTS, 'accord', 'entente', 'protocole', 'mémorandum', 'convention'], `${COUNT}${PREFIX}(?:accords?(?:-cadres?)?|ententes?|protocoles?(?:\\s+d['’]accord)?|mémorandums?(?:\\s+d['’](?:entente|accord))?|conventions?)${PROPER}${MODIFIERS}`),
  /** `partenariat stratégique`, `partenariat de défense`: a partnership needs a qualifier to be a formal one. */
  p('accord', ['partenariat'], [...PREFIX_STARTS, 'partenariat'], String.raw`${PREFIX}partenariats?(?:\s+${ANY_ADJECTIVE}(?:\s+et\s+${ANY_ADJECTIVE})?){1,3}`),
  /** `enveloppe de 50 milliards d'euros`, `plan d'aide de 2 milliards`: a funding commitment with its amount. */
  p('programme', ['enveloppe', 'plan'], [...PREFIX_STARTS, 'enveloppe', 'plan'], String.raw`${PREFIX}(?:enveloppes?|plans?\s+d['’](?:aide|investissement|urgence))(?:\s+(?:financière|budgétaire|d['’]aide|humanitaire|militaire))?\s+de\s+(?:plus\s+de\s+|près\s+de\s+|quelque\s+)?(?:\d+(?:[.,]\d+)?|plusieurs|quelques|deux|trois|cinq|dix|cent)\s+(?:milliards?|millions?)(?:\s+(?:de\s+|d['’])(?:dollars|roubles|euros|livres|yuans))?`),
  p('programme', ['programme', 'feuille', 'plan'], [...COUNT_STARTS, ...PREFIX_STARTS, 'programme', 'feuille', 'plan'], `${COUNT}${PREFIX}(?:programmes?|feuilles?\\s+de\\s+route|plans?\\s+d['’]action)${MODIFIERS}`),
  p('loan', ['crédit', 'prêt'], [...PREFIX_STARTS, 'crédit', 'prêt', 'ligne'], `${PREFIX}(?:crédits?|prêts?|lignes?\\s+de\\s+crédit)${MODIFIERS}${QUANTITY}`),
  p('other', ['contrat'], [...COUNT_STARTS, ...PREFIX_STARTS, 'contrat'], `${COUNT}${PREFIX}contrats?${MODIFIERS}`),
  p('other', ['cessez-le-feu', 'trêve', 'armistice'], [...PREFIX_STARTS, 'cessez-le-feu', 'trêve', 'armistice'], `${PREFIX}(?:cessez-le-feu|trêves?|armistices?)${MODIFIERS}`),
];

/**
 * Every place where some pattern may begin or has its head. None of these words begins
 * another one, nor holds another at a word start, so one scan finds them all, each with its word.
 */
const PLACES = new RegExp([...new Set(AGREEMENT_PATTERNS.flatMap((pattern) => [...pattern.starts, ...pattern.heads]))].join('|'), 'g');
/** Any head: most texts hold none, and are done with after this one scan. */
const ANY_HEAD = new RegExp([...new Set(AGREEMENT_PATTERNS.flatMap((pattern) => pattern.heads))].join('|'));

export interface PatternMatch {
  kind: AgreementKind;
  index: number;
  text: string;
}

/**
 * The matches of each pattern in `text`, pattern by pattern, as `text.matchAll` would give
 * them; each sticky pattern is tried only at the places where it may begin.
 */
export function agreementPatternMatches(text: string): PatternMatch[] {
  const found: PatternMatch[] = [];
  if (!ANY_HEAD.test(text)) return found;
  const places: Array<{ at: number; word: string }> = [];
  const words = new Set<string>();
  PLACES.lastIndex = 0;
  for (let m = PLACES.exec(text); m; m = PLACES.exec(text)) {
    places.push({ at: m.index, word: m[0] });
    words.add(m[0]);
  }
  for (const { kind, heads, starts, pattern } of AGREEMENT_PATTERNS) {
    if (!heads.some((head) => words.has(head))) continue;
    let from = 0;
    for (const { at, word } of places) {
      if (at < from || !starts.has(word)) continue;
      // Inside a word, where `(?<![\p{L}\p{N}])` fails.
      const before = text.charCodeAt(at - 1);
      if (isAsciiLetter(before) || isAsciiDigit(before)) continue;
      pattern.lastIndex = at;
      if (!pattern.test(text)) continue;
      from = pattern.lastIndex;
      found.push({ kind, index: at, text: text.slice(at, from) });
    }
  }
  return found;
}

/** Contexts in which the noun is no agreement (`d'accord`, `crédit d'impôt`, `prêt à`, `Union européenne`). */
export const NOT_AN_AGREEMENT = {
  before: /(?:(?:suis|es|est|sommes|êtes|sont|était|étaient|être|mis|mise|mettre|mettent|met|tombés?|tomber|pas|plutôt|tout\s+à\s+fait|bien|en)\s+d['’]|en\s+|matière\s+de\s+|(?:taux|carte|cartes|agences?|établissements?|banques?)\s+(?:de\s+)?)$/iu,
  after: /^(?:\s+d['’]impôt|\s+de\s+consommation|\s+immobilier|\s+européenne|\s+de\s+principe)/u,
};

/**
 * A cue tried only where one of its stems begins: every match of the cue begins with a
 * stem (a pattern matched with the same flags), and the sticky cue is run there alone.
 */
interface StemmedCue {
  stems: RegExp;
  cue: RegExp;
  /** The cue begins with `(?<![\p{L}])`. */
  wordStart: boolean;
}

const stemmed = (stems: string, cue: RegExp): StemmedCue => ({ stems: new RegExp(stems, 'giu'), cue: new RegExp(cue.source, 'iuy'), wordStart: cue.source.startsWith('(?<![\\p{L}])') });

/** Every place in `text` where one of `stems` begins, the overlapping ones included. */
function stemPlaces(text: string, stems: RegExp): number[] {
  const places: number[] = [];
  stems.lastIndex = 0;
  for (let s = stems.exec(text); s; stems.lastIndex = s.index + 1, s = stems.exec(text)) places.push(s.index);
  return places;
}

/** The end of the match of the cue beginning at `at`, or -1. */
function cueEnd(text: string, { cue, wordStart }: StemmedCue, at: number): number {
  if (wordStart && isAsciiLetter(text.charCodeAt(at - 1))) return -1;
  cue.lastIndex = at;
  return cue.test(text) ? cue.lastIndex : -1;
}

const DOMAIN_CUES: Array<[AgreementDomain, StemmedCue]> = [
  // Tested only: it matches somewhere if and only if it matches where `économi` begins.
  ['economy', stemmed('économi', /\p{L}*économi\p{L}*/iu)],
  ['tax', stemmed('imposition|fiscal|impôt|tax', /(?<![\p{L}])(?:imposition|fiscal\p{L}*|impôts?|taxes?|taxation)(?![\p{L}])/iu)],
  ['finance', stemmed('crédit|financ|bancaire|monétaire|prêt|milliard|dette', /(?<![\p{L}])(?:crédits?|financ\p{L}*|bancaires?|monétaires?|prêts?|milliards?|dette)(?![\p{L}])/iu)],
  ['energy', stemmed('énergi|gaz|pétro|électricité|nucléaire|hydrocarbure', /(?<![\p{L}])(?:énergi\p{L}*|gaz\p{L}*|pétro\p{L}*|électricité|nucléaire\s+civil|hydrocarbures?)(?![\p{L}])/iu)],
  ['agriculture', stemmed('agricult|agricole|céréales|blé', /(?<![\p{L}])(?:agricult\p{L}*|agricoles?|céréales|blé)(?![\p{L}])/iu)],
  ['industry', stemmed('industri|manufactur', /(?<![\p{L}])(?:industri\p{L}*|manufactur\p{L}*)(?![\p{L}])/iu)],
  ['defense', stemmed('militaire|défens|arme|armée|force', /(?<![\p{L}])(?:militaires?|défense|défensi\p{L}*|armements?|armes|armées?|forces?\s+armées)(?![\p{L}])/iu)],
  ['security', stemmed('sécurit|terroris|paix|cessez-le-feu|armistice|non-agression', /(?<![\p{L}])(?:sécurité|sécuritaire\p{L}*|terroris\p{L}*|paix|cessez-le-feu|armistice|non-agression)(?![\p{L}])/iu)],
  ['trade', stemmed('commerc|libre-échange|échanges|exportation|importation', /(?<![\p{L}])(?:commerc\p{L}*|libre-échange|échanges\s+commerciaux|exportations?|importations?)(?![\p{L}])/iu)],
  ['customs', stemmed('douan', /(?<![\p{L}])(?:douan\p{L}*)(?![\p{L}])/iu)],
  ['health', stemmed('santé|sanitaire|vaccin|médic|pandémie', /(?<![\p{L}])(?:santé|sanitaires?|vaccins?|médic\p{L}*|pandémie)(?![\p{L}])/iu)],
  ['political', stemmed('politique|diplomati|supranational', /(?<![\p{L}])(?:politiques?|diplomati\p{L}*|supranational\p{L}*)(?![\p{L}])/iu)],
];

/** Any stem of any domain: most texts hold none, and are done with after this one scan. */
const ANY_DOMAIN_STEM = new RegExp(DOMAIN_CUES.map(([, cue]) => cue.stems.source).join('|'), 'iu');

/** Policy domains named in a piece of text; a customs union implies trade. */
export function domainsIn(text: string): AgreementDomain[] {
  if (!ANY_DOMAIN_STEM.test(text)) return [];
  const found = DOMAIN_CUES.filter(([, cue]) => stemPlaces(text, cue.stems).some((at) => cueEnd(text, cue, at) >= 0)).map(([domain]) => domain);
  if (found.includes('customs') && !found.includes('trade')) found.push('trade');
  return found;
}

export interface StatusCue {
  status: AgreementStatus;
  start: number;
  end: number;
}

const STATUS_CUES: Array<[AgreementStatus, StemmedCue]> = [
  ['rejected', stemmed('rejet|refus|dénonc|retir|retrait|abandonn|suspen|bloqu|veto|véto', /(?<![\p{L}])(?:rejet\p{L}*|rejett\p{L}*|refus\p{L}*|dénonc\p{L}*|retiré\p{L}*\s+(?:du|de\s+l['’])|retrait\s+(?:du|de\s+l['’])|abandonn\p{L}*|suspendu\p{L}*|suspension|bloqu(?:é|ée|és|ées|e|ent|ait|aient|ant)|veto|véto)(?![\p{L}])/iu)],
  ['negotiating', stemmed(String.raw`négoci|pourparlers|en\s+(?:discussion|cours)|discut|travaill|vers\s`, /(?<![\p{L}])(?:négoci\p{L}*|pourparlers|en\s+discussion|discut\p{L}*|en\s+cours\s+d['’]élaboration|travaill\p{L}*\s+(?:à|sur)|vers\s+(?:un|une|l['’]))(?:(?<=['’])|(?![\p{L}]))/iu)],
  ['planned', stemmed("lancer|créer|instaurer|établir|entrer(?:a|o)|doi(?:t|vent)\\s+entrer|annonc|création|mise|lancement|prévu|prévoi|prom|projet|futur|envisag|propos|s['’]engag|sign|ratifi|prochain", /(?<![\p{L}])(?:annonc\p{L}*\s+(?:la\s+création|la\s+mise\s+en\s+place|le\s+lancement|un\s+projet|la\s+signature\s+prochaine)|création|mise\s+en\s+place|lancement|prévu\p{L}*|prévoi\p{L}*|promi\p{L}*|promett\p{L}*|projet|futur\p{L}*|envisag\p{L}*|propos(?:é|ée|és|ées|e|ent|ait|aient|ant|ition|itions)|s['’]engag\p{L}*|sign(?:era|eront|erait|eraient|er)|ratifi(?:era|eront|er)|prochaine?\s+signature|lancer|créer|instaurer|établir|entrer(?:a|ont|ait|aient)\s+en\s+vigueur|doi(?:t|vent)\s+entrer\s+en\s+vigueur)(?![\p{L}])/iu)],
  ['signed', stemmed('sign|conclu|paraph|ratifi|obtenu|scellé|accordé|octroyé|accept|trouvé|été\\s+trouv|parvenu|annonc|adopté|approuvé', /(?<![\p{L}])(?:sign(?:é|ée|és|ées|e|ent|er|ons|ez|ait|aient|ant|èrent|a|ature|atures|ataire|ataires)|conclu\p{L}*|paraph\p{L}*|ratifi\p{L}*|obtenu\p{L}*|scellé\p{L}*|accepté\p{L}*|accordée?s?|octroyée?s?|trouvé\s+un|été\s+trouvée?s?|parvenu\p{L}*\s+à|annonc\p{L}*|adopté\p{L}*|approuvé\p{L}*)(?![\p{L}])/iu)],
  ['in_force', stemmed(String.raw`lié|en\s+vigueur|existant|rassembl|membre|dans\s+le\s+cadre|associés|reli|unis|depuis`, /(?<![\p{L}])(?:liée?s?\s+par|en\s+vigueur|existant\p{L}*|rassembl\p{L}*|membres?\s+(?:de|du|des)|dans\s+le\s+cadre|associés|reli\p{L}*\s+par|unis\s+par|depuis\s+\d{4})(?![\p{L}])/iu)],
];

/** Status cues in `text`, in text order; at one place the first listed status wins. */
export function statusCues(text: string): StatusCue[] {
  const cues: StatusCue[] = [];
  for (const [status, cue] of STATUS_CUES) {
    // As `text.matchAll(cue)` would give them.
    let from = 0;
    for (const at of stemPlaces(text, cue.stems)) {
      if (at < from) continue;
      const end = cueEnd(text, cue, at);
      if (end < 0) continue;
      from = end;
      if (cues.some((c) => c.start < from && at < c.end)) continue;
      cues.push({ status, start: at, end: from });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

const NUMBER_WORDS: Record<string, number> = { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30 };

/** The number of agreements a name gives (`28 accords`, `trois traités`), else null. */
export function countOf(name: string): number | null {
  const m = /^(\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente)\s/iu.exec(name);
  if (!m) return null;
  const value = /^\d+$/u.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
  return value && value >= 1 ? value : null;
}
