import { lefffEntry, type LefffEntry, type TenseCode } from './conjugation.ts';

/**
 * Reporting verbs (verbs that introduce or frame reported speech) and a lookup from any
 * conjugated surface form to the infinitive. The surface forms are generated at module
 * load from the Lefff conjugation tables (package french-verbs-lefff), never hand-listed.
 */


export type VerbTense =
  | 'present' | 'subjunctive' | 'imperative' | 'imperfect' | 'gerund' | 'participle'
  | 'simple_past' | 'subjunctive_past' | 'future' | 'conditional' | 'infinitive';

const TENSE_NAMES: Record<TenseCode, VerbTense> = {
  P: 'present', S: 'subjunctive', Y: 'imperative', I: 'imperfect', G: 'gerund', K: 'participle',
  J: 'simple_past', T: 'subjunctive_past', F: 'future', C: 'conditional', W: 'infinitive',
};

/** Verbs that, in news prose, attribute words to a speaker. */
export const REPORTING_VERBS: readonly string[] = [
  'accuser', 'admettre', 'affirmer', 'ajouter', 'annoncer', 'appeler', 'argumenter', 'argüer', 'arguer',
  'assener', 'asséner', 'assurer', 'avancer', 'avertir', 'avouer', 'balayer', 'certifier', 'clamer',
  'commenter', 'concéder', 'conclure', 'confier', 'confirmer', 'considérer', 'constater', 'critiquer',
  'déclarer', 'décrire', 'défendre', 'déplorer', 'demander', 'dénoncer', 'détailler', 'dire', 'écrire',
  'enchaîner', 'espérer', 'estimer', 'évoquer', 'exhorter', 'exiger', 'expliquer', 'exclamer', 'fustiger',
  'glisser', 'indiquer', 'insister', 'interroger', 'jurer', 'juger', 'justifier', 'lancer', 'lâcher',
  'marteler', 'mentionner', 'menacer', 'noter', 'nuancer', 'observer', 'plaider', 'poursuivre', 'préciser',
  'prédire', 'prévenir', 'proclamer', 'promettre', 'protester', 'qualifier', 'raconter', 'rappeler',
  'réaffirmer', 'réagir', 'reconnaître', 'regretter', 'réitérer', 'relever', 'remarquer', 'renchérir',
  'répéter', 'répliquer', 'répondre', 'résumer', 'rétorquer', 'révéler', 'saluer', 'signaler', 'souhaiter',
  'souligner', 'soutenir', 'suggérer', 'témoigner', 'tonner', 'trancher', 'tweeter', 'twitter',
  'démentir', 'prôner', 'réclamer', 'indigner', 'inquiéter', 'féliciter',
  'réjouir', 'insurger', 'alarmer', 'étonner', 'emporter', 'plaindre', 'vanter', 'exprimer', 'ironiser',
  'railler', 'condamner', 'parler', 'rejeter', 'nier', 'réfuter', 'contester', 'minimiser', 'revendiquer', 'reprocher',
  'publier', 'informer', 'garantir', 'penser', 'croire', 'engager', 'implorer', 'supplier', 'recommander', 'proposer', 'interpeller', 'scander', 'crier', 'souffler', 'confesser',
  'soupirer', 'souvenir', 'alerter', 'remercier', 'riposter', 'maintenir', 'tacler', 'objecter', 'hurler', 'murmurer',
  'épingler', 'cingler', 'énumérer', 'relativiser', 'tempérer', 'agacer', 'offusquer', 'désoler', 'excuser', 'moquer',
  'persister', 'exclure', 'écarter', 'sourire', 'rectifier', 'corriger', 'plaisanter', 'rassurer', 'préconiser',
  'poster', 'lire', 'analyser', 'déclarer', 'avertir', 'interroger', 'questionner', 'expliciter', 'asséner', 'assener',
];

/** Verbs read as reporting only after an auxiliary (`a posté`, `a lu`): their bare forms are nouns too (`le poste`, `le lit`, `une analyse`). */
const PARTICIPLE_ONLY = new Set(['poster', 'lire', 'analyser']);

/** Whether a reporting verb counts only as a participle after an auxiliary. */
export function isParticipleOnly(infinitive: string): boolean {
  return PARTICIPLE_ONLY.has(infinitive);
}

/** Multi-word reporting verbs: the head verb is conjugated, the rest is fixed. */
export const PHRASAL_REPORTING_VERBS: readonly string[] = [
  'faire valoir', 'faire savoir', 'faire remarquer', 'faire observer', 'faire part', 'mettre en garde',
  'mettre en avant', 'tirer la sonnette d’alarme',
];

/** The most words a reporting verb spans (`tirer la sonnette d’alarme`). */
export const MAX_REPORTING_VERB_WORDS = Math.max(...PHRASAL_REPORTING_VERBS.map((p) => p.split(' ').length));

/** Verbs whose reporting use is pronominal (`s'est exclamé`): the cue keeps the reflexive. */
const PRONOMINAL_ONLY = new Set([
  'engager', 'exclamer', 'insurger', 'indigner', 'inquiéter', 'féliciter', 'réjouir', 'alarmer', 'étonner', 'emporter', 'plaindre',
  'souvenir', 'agacer', 'offusquer', 'désoler', 'excuser', 'moquer',
]);

/**
 * Verbs whose pronominal use never reports speech (`l'offensive se poursuivra`, `la
 * tendance se confirme`, `il s'est lancé`): a reflexive form of them is no cue.
 */
const NOT_REPORTING_WHEN_PRONOMINAL = new Set([
  'poursuivre', 'confirmer', 'lancer', 'avancer', 'relever', 'répéter', 'rappeler', 'noter', 'observer', 'constater',
  'publier', 'informer', 'annoncer', 'dessiner', 'préciser', 'traduire', 'tenir', 'trouver', 'révéler',
  'résumer', 'évoquer', 'glisser', 'souffler', 'conclure', 'décrire', 'parler', 'penser', 'croire', 'appeler',
  'rejeter', 'proposer', 'ajouter', 'qualifier', 'mentionner', 'signaler', 'remarquer', 'lâcher', 'renchérir',
]);

/** Whether a verb's reflexive use reports speech outside an inversion (`l'offensive se poursuivra` does not; `« … », se poursuit-il` would). */
export function reportsWhenPronominal(infinitive: string): boolean {
  return !NOT_REPORTING_WHEN_PRONOMINAL.has(infinitive);
}

export interface VerbForm {
  infinitive: string;
  tense: VerbTense;
}


/** Regular first-group forms for verbs the Lefff tables lack (`tweeter`). */
function regularErTable(infinitive: string): Partial<Record<TenseCode, string[]>> {
  const stem = infinitive.slice(0, -2);
  const soft = /[cg]$/.test(stem) ? (stem.endsWith('g') ? stem + 'e' : stem.slice(0, -1) + 'ç') : stem;
  return {
    P: ['e', 'es', 'e', 'ons', 'ez', 'ent'].map((s, i) => (i === 3 ? soft : stem) + s),
    I: ['ais', 'ais', 'ait', 'ions', 'iez', 'aient'].map((s, i) => (i === 3 || i === 4 ? stem : soft) + s),
    J: ['ai', 'as', 'a', 'âmes', 'âtes', 'èrent'].map((s, i) => (i === 5 ? stem : soft) + s),
    F: ['erai', 'eras', 'era', 'erons', 'erez', 'eront'].map((s) => stem + s),
    C: ['erais', 'erais', 'erait', 'erions', 'eriez', 'eraient'].map((s) => stem + s),
    G: [soft + 'ant'],
    K: ['é', 'és', 'ée', 'ées'].map((s) => stem + s),
    W: [infinitive],
  };
}

function conjugationTable(infinitive: string): LefffEntry | null {
  const table = lefffEntry(infinitive);
  if (table) return table;
  return infinitive.endsWith('er') ? regularErTable(infinitive) : null;
}

/** Every surface form of a verb (lower case), or an empty set when the verb is unknown. */
export function conjugate(infinitive: string): Map<string, VerbTense> {
  const forms = new Map<string, VerbTense>();
  const table = conjugationTable(infinitive);
  if (!table) return forms;
  for (const [code, list] of Object.entries(table) as Array<[TenseCode, Array<string | null>]>) {
    for (const form of list ?? []) {
      if (!form || form === 'NA') continue;
      const key = form.toLowerCase();
      // a participle reading wins over a homograph present (`dit`): it is the common reporting use
      if (!forms.has(key) || code === 'K') forms.set(key, TENSE_NAMES[code]);
    }
  }
  return forms;
}

function buildFormIndex(infinitives: Iterable<string>): Map<string, VerbForm[]> {
  const index = new Map<string, VerbForm[]>();
  for (const infinitive of new Set(infinitives)) {
    for (const [form, tense] of conjugate(infinitive)) {
      const list = index.get(form) ?? [];
      if (!list.some((v) => v.infinitive === infinitive)) list.push({ infinitive, tense });
      index.set(form, list);
    }
  }
  return index;
}

const REPORTING_FORMS = buildFormIndex(REPORTING_VERBS);
/** Reporting-verb forms that are also finite (`dit`, `écrit`: participle and present), which an inversion may use alone (`« … », écrit Le Monde`). */
const FINITE_PARTICIPLE_HOMOGRAPHS = new Set<string>();
for (const infinitive of REPORTING_VERBS) {
  const table = conjugationTable(infinitive);
  const participles = new Set((table?.K ?? []).filter((f): f is string => !!f).map((f) => f.toLowerCase()));
  for (const code of ['P', 'J'] as const) {
    for (const form of table?.[code] ?? []) if (form && participles.has(form.toLowerCase())) FINITE_PARTICIPLE_HOMOGRAPHS.add(form.toLowerCase());
  }
}

/** Whether a reporting-verb participle is also a present or simple-past form (`dit`, `écrit`, `décrit`, `admis`). */
export function isFiniteParticipleHomograph(word: string): boolean {
  return FINITE_PARTICIPLE_HOMOGRAPHS.has(normalizeWord(word));
}
const PHRASAL_HEADS = buildFormIndex(PHRASAL_REPORTING_VERBS.map((p) => p.split(' ')[0]));
const AVOIR_FORMS = conjugate('avoir');
const ETRE_FORMS = conjugate('être');

const normalizeWord = (word: string): string => {
  const lower = word.toLowerCase();
  return lower.includes("'") ? lower.replaceAll("'", '’') : lower;
};

/** The reporting-verb readings of one word (`déclaré` → déclarer/participle). */
export function reportingVerbForms(word: string): VerbForm[] {
  return REPORTING_FORMS.get(normalizeWord(word)) ?? [];
}

/** `avoir` or `être` when the word is a finite form of that auxiliary. */
export function auxiliaryOf(word: string): 'avoir' | 'être' | null {
  const w = normalizeWord(word);
  const avoir = AVOIR_FORMS.get(w);
  if (avoir && avoir !== 'participle' && avoir !== 'infinitive' && avoir !== 'gerund') return 'avoir';
  const etre = ETRE_FORMS.get(w);
  if (etre && etre !== 'participle' && etre !== 'infinitive' && etre !== 'gerund') return 'être';
  return null;
}

/** Whether a reporting verb can start at this word (a form of a reporting verb or of a phrasal verb's head). */
export function canStartReportingVerb(word: string): boolean {
  const w = normalizeWord(word);
  return REPORTING_FORMS.has(w) || PHRASAL_HEADS.has(w);
}

export interface ReportingVerbMatch extends VerbForm {
  /** Number of words the verb spans (2 for `fait valoir`). */
  length: number;
}

/**
 * The reporting verb that starts at `words[i]` (lower-case words), including multi-word
 * verbs (`fait valoir`, `a mis en garde`). `pronominal` marks a reflexive use
 * (`s'est exclamé`), which keeps the reflexive in the infinitive for verbs that need it.
 */
export function matchReportingVerb(words: readonly string[], i: number, pronominal = false): ReportingVerbMatch | null {
  const word = words[i];
  if (word === undefined) return null;
  for (const head of PHRASAL_HEADS.get(normalizeWord(word)) ?? []) {
    for (const phrase of PHRASAL_REPORTING_VERBS) {
      const parts = phrase.split(' ');
      if (parts[0] !== head.infinitive) continue;
      if (parts.slice(1).every((p, k) => normalizeWord(words[i + 1 + k] ?? '') === p)) {
        return { infinitive: phrase, tense: head.tense, length: parts.length };
      }
    }
  }
  const forms = reportingVerbForms(word);
  if (!forms.length) return null;
  const form = forms[0];
  if (PRONOMINAL_ONLY.has(form.infinitive) && !pronominal) return null;
  const infinitive = pronominal && PRONOMINAL_ONLY.has(form.infinitive)
    ? (/^[aeiouyéèêh]/.test(form.infinitive) ? 's’' : 'se ') + form.infinitive
    : form.infinitive;
  return { infinitive, tense: form.tense, length: 1 };
}
