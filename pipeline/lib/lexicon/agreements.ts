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

export interface AgreementPattern {
  kind: AgreementKind;
  pattern: RegExp;
}

const p = (kind: AgreementKind, source: string): AgreementPattern => ({
  kind,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])${source}(?![\p{L}\p{N}])`, 'gu'),
});

/** Agreement names, most specific first; matches are kept longest-first. */
export const AGREEMENT_PATTERNS: AgreementPattern[] = [
  p('other', String.raw`approfondissement\s+(?:de|des|du)\s+(?:l['’]|leurs?\s+|la\s+|les\s+)?(?:union|liens|relations|intégration|coopération|partenariat)${MODIFIERS}`),
  p('joint_force', String.raw`${PREFIX}(?:forces?|armée|contingent|groupement\s+régional(?:\s+de\s+forces)?)(?:\s+(?:militaires?|d['’]intervention|de\s+réaction\s+rapide))?\s+(?:commune|conjointe|unifiée|communes|conjointes|unifiées)`),
  p('union', String.raw`(?:Union|Communauté|État\s+de\s+l['’]Union|État\s+uni(?:fié)?)\s+(?!européenne|africaine|soviétique|des\s+|de\s+la\s+|du\s+|internationale|nationale|pour\s)[\p{L}-]+(?:\s+(?:économique|douanière|eurasiatique|eurasienne))?`),
  p('union', String.raw`union(?:\s+${ANY_ADJECTIVE}(?:\s+et\s+${ANY_ADJECTIVE})?){1,3}`),
  p('treaty', `${COUNT}${PREFIX}(?:traités?|pactes?|chartes?)${PROPER}${MODIFIERS}`),
  p('accord', `${COUNT}${PREFIX}(?:accords?(?:-cadres?)?|ententes?|protocoles?(?:\\s+d['’]accord)?|mémorandums?(?:\\s+d['’]entente)?)${PROPER}${MODIFIERS}`),
  p('programme', `${COUNT}${PREFIX}(?:programmes?|feuilles?\\s+de\\s+route|plans?\\s+d['’]action)${MODIFIERS}`),
  p('loan', `${PREFIX}(?:crédits?|prêts?|lignes?\\s+de\\s+crédit)${MODIFIERS}${QUANTITY}`),
  p('other', `${COUNT}${PREFIX}contrats?${MODIFIERS}`),
  p('other', `${PREFIX}(?:cessez-le-feu|trêves?|armistices?)${MODIFIERS}`),
];

/** Contexts in which the noun is no agreement (`d'accord`, `crédit d'impôt`, `prêt à`, `Union européenne`). */
export const NOT_AN_AGREEMENT = {
  before: /(?:(?:suis|es|est|sommes|êtes|sont|était|étaient|être|mis|mise|mettre|mettent|met|tombés?|tomber|pas|plutôt|tout\s+à\s+fait|bien|en)\s+d['’]|en\s+|matière\s+de\s+|(?:taux|carte|cartes|agences?|établissements?|banques?)\s+(?:de\s+)?)$/iu,
  after: /^(?:\s+d['’]impôt|\s+de\s+consommation|\s+immobilier|\s+européenne|\s+de\s+principe)/u,
};

const DOMAIN_CUES: Array<[AgreementDomain, RegExp]> = [
  ['economy', /\p{L}*économi\p{L}*/iu],
  ['tax', /(?<![\p{L}])(?:imposition|fiscal\p{L}*|impôts?|taxes?|taxation)(?![\p{L}])/iu],
  ['finance', /(?<![\p{L}])(?:crédits?|financ\p{L}*|bancaires?|monétaires?|prêts?|milliards?|dette)(?![\p{L}])/iu],
  ['energy', /(?<![\p{L}])(?:énergi\p{L}*|gaz\p{L}*|pétro\p{L}*|électricité|nucléaire\s+civil|hydrocarbures?)(?![\p{L}])/iu],
  ['agriculture', /(?<![\p{L}])(?:agricult\p{L}*|agricoles?|céréales|blé)(?![\p{L}])/iu],
  ['industry', /(?<![\p{L}])(?:industri\p{L}*|manufactur\p{L}*)(?![\p{L}])/iu],
  ['defense', /(?<![\p{L}])(?:militaires?|défense|défensi\p{L}*|armements?|armes|armées?|forces?\s+armées)(?![\p{L}])/iu],
  ['security', /(?<![\p{L}])(?:sécurité|sécuritaire\p{L}*|terroris\p{L}*|paix|cessez-le-feu|armistice|non-agression)(?![\p{L}])/iu],
  ['trade', /(?<![\p{L}])(?:commerc\p{L}*|libre-échange|échanges\s+commerciaux|exportations?|importations?)(?![\p{L}])/iu],
  ['customs', /(?<![\p{L}])(?:douan\p{L}*)(?![\p{L}])/iu],
  ['health', /(?<![\p{L}])(?:santé|sanitaires?|vaccins?|médic\p{L}*|pandémie)(?![\p{L}])/iu],
  ['political', /(?<![\p{L}])(?:politiques?|diplomati\p{L}*|supranational\p{L}*)(?![\p{L}])/iu],
];

/** Policy domains named in a piece of text; a customs union implies trade. */
export function domainsIn(text: string): AgreementDomain[] {
  const found = DOMAIN_CUES.filter(([, cue]) => cue.test(text)).map(([domain]) => domain);
  if (found.includes('customs') && !found.includes('trade')) found.push('trade');
  return found;
}

export interface StatusCue {
  status: AgreementStatus;
  start: number;
  end: number;
}

const STATUS_CUES: Array<[AgreementStatus, RegExp]> = [
  ['rejected', /(?<![\p{L}])(?:rejet\p{L}*|rejett\p{L}*|refus\p{L}*|dénonc\p{L}*|retiré\p{L}*\s+(?:du|de\s+l['’])|retrait\s+(?:du|de\s+l['’])|abandonn\p{L}*|suspendu\p{L}*|suspension)(?![\p{L}])/giu],
  ['negotiating', /(?<![\p{L}])(?:négoci\p{L}*|pourparlers|en\s+discussion|discut\p{L}*|en\s+cours\s+d['’]élaboration|travaill\p{L}*\s+(?:à|sur)|vers\s+(?:un|une|l['’]))(?:(?<=['’])|(?![\p{L}]))/giu],
  ['planned', /(?<![\p{L}])(?:annonc\p{L}*\s+(?:la\s+création|la\s+mise\s+en\s+place|le\s+lancement|un\s+projet|la\s+signature\s+prochaine)|création|mise\s+en\s+place|lancement|prévu\p{L}*|prévoi\p{L}*|promi\p{L}*|promett\p{L}*|projet|futur\p{L}*|envisag\p{L}*|propos(?:é|ée|és|ées|e|ent|ait|aient|ant|ition|itions)|s['’]engag\p{L}*|sign(?:era|eront|erait|eraient|er)|ratifi(?:era|eront|er)|prochaine?\s+signature)(?![\p{L}])/giu],
  ['signed', /(?<![\p{L}])(?:sign(?:é|ée|és|ées|e|ent|er|ons|ez|ait|aient|ant|èrent|a|ature|atures|ataire|ataires)|conclu\p{L}*|paraph\p{L}*|ratifi\p{L}*|obtenu\p{L}*|scellé\p{L}*|accordée?s?|octroyée?s?|trouvé\s+un|parvenu\p{L}*\s+à|annonc\p{L}*|adopté\p{L}*|approuvé\p{L}*)(?![\p{L}])/giu],
  ['in_force', /(?<![\p{L}])(?:liée?s?\s+par|en\s+vigueur|existant\p{L}*|rassembl\p{L}*|membres?\s+(?:de|du|des)|dans\s+le\s+cadre|associés|reli\p{L}*\s+par|unis\s+par|depuis\s+\d{4})(?![\p{L}])/giu],
];

/** Status cues in `text`, in text order; at one place the first listed status wins. */
export function statusCues(text: string): StatusCue[] {
  const cues: StatusCue[] = [];
  for (const [status, pattern] of STATUS_CUES) {
    for (const m of text.matchAll(pattern)) {
      if (cues.some((c) => c.start < m.index + m[0].length && m.index < c.end)) continue;
      cues.push({ status, start: m.index, end: m.index + m[0].length });
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
