import { createRequire } from 'node:module';

/**
 * Conjugated forms of French verbs from the Lefff tables (french-verbs-lefff),
 * so trigger lexicons list infinitives and never hand-written forms.
 */

export type TenseCode = 'P' | 'S' | 'Y' | 'I' | 'G' | 'K' | 'J' | 'T' | 'F' | 'C' | 'W';
export type LefffEntry = Partial<Record<TenseCode, Array<string | null>>>;

const require = createRequire(import.meta.url);
const TABLE = require('french-verbs-lefff/dist/conjugations.json') as Record<string, LefffEntry>;

/** The Lefff table of one verb: its forms per tense code, or undefined when the verb is unknown. */
export function lefffEntry(infinitive: string): LefffEntry | undefined {
  return TABLE[infinitive];
}

export interface ConjugatedForm {
  form: string;
  tense: TenseCode;
}

/** Every form of a verb with its Lefff tense code (P present, I imperfect, F future, C conditional, K past participle, W infinitive, ...). */
export function conjugate(infinitive: string): ConjugatedForm[] {
  const entry = TABLE[infinitive];
  if (!entry) return [{ form: infinitive, tense: 'W' }];
  const forms: ConjugatedForm[] = [];
  for (const [tense, list] of Object.entries(entry) as Array<[TenseCode, Array<string | null>]>) {
    for (const form of list ?? []) if (form && form !== 'NA') forms.push({ form, tense });
  }
  return forms;
}

/** Forms of a verb restricted to some tenses. */
export function formsOf(infinitive: string, tenses: readonly TenseCode[]): string[] {
  return [...new Set(conjugate(infinitive).filter((f) => tenses.includes(f.tense)).map((f) => f.form))];
}

/** The same verb's forms elided before a vowel (`s'entretient`): whether a form starts with a vowel sound. */
export function startsWithVowel(word: string): boolean {
  return /^[aeiouyhâàéèêëîïôûùœæ]/iu.test(word);
}

let futureForms: Set<string> | null = null;
/** The last two letters of the future forms (`ra`, `ez`, `nt`…): most words are ruled out by them alone. */
let futureEndings: Set<string> = new Set();

/** Whether a word is a simple-future form of some verb (`effectuera`, `auront`), and of no other tense. */
export function isFutureForm(word: string): boolean {
  if (!futureForms) {
    const future = new Set<string>();
    const other = new Set<string>();
    for (const entry of Object.values(TABLE)) {
      for (const [tense, list] of Object.entries(entry) as Array<[TenseCode, Array<string | null>]>) {
        for (const form of list ?? []) if (form && form !== 'NA') (tense === 'F' ? future : other).add(form);
      }
    }
    futureForms = new Set([...future].filter((f) => !other.has(f)));
    futureEndings = new Set([...futureForms].map((f) => f.slice(-2)));
  }
  return futureEndings.has(word.slice(-2).toLowerCase()) && futureForms.has(word.toLowerCase());
}
