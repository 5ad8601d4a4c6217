import { detectAllFast } from './tinyld-fast.ts';

export interface LanguageGuess {
  /** ISO 639-1 code of the most likely language, e.g. `fr`. */
  lang: string;
  /** tinyld's score for that language, 0 to 1. */
  accuracy: number;
  /** tinyld's score for French, 0 when not among its candidates. */
  french: number;
  /** Letters in the sample the guess was made on. */
  letters: number;
}

/** Below this many letters tinyld's guesses swing on a few words: too short to judge. */
export const MIN_LETTERS_TO_JUDGE = 200;
/**
 * French must score under this to reject an article. Scores of closely related
 * languages split among themselves (Russian 0.3, Ukrainian 0.1, Bulgarian 0.1), so the
 * winner's score says little; a French article quoting English at length still gives
 * French about 0.2, a foreign one under 0.01.
 */
export const MAX_FRENCH_SCORE_TO_REJECT = 0.05;
const WINDOW_CHARS = 1000;

/**
 * Guesses the language of a text from three windows (start, middle, end), so that the
 * cost does not grow with the text and a French headline over a foreign body is not
 * enough to pass. Null when the sample is too short to judge.
 */
export function guessLanguage(text: string): LanguageGuess | null {
  const sample = sampleWindows(text);
  const letters = countLetters(sample);
  if (letters < MIN_LETTERS_TO_JUDGE) return null;
  const scores = detectAllFast(sample);
  const best = scores[0];
  if (!best) return null;
  return { lang: best.lang, accuracy: best.accuracy, french: scores.find((s) => s.lang === 'fr')?.accuracy ?? 0, letters };
}

/** A confident guess of a language other than French, or null (French, or unsure). */
export function confidentlyNotFrench(text: string): LanguageGuess | null {
  const guess = guessLanguage(text);
  if (!guess || guess.lang === 'fr' || guess.french >= MAX_FRENCH_SCORE_TO_REJECT) return null;
  return guess;
}

const LETTER = /\p{L}/u;

/** The number of letters (code points of category L), without a match array per letter. */
export function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) { n++; continue; }
    if (text.charCodeAt(i) < 0x80) continue;
    const cp = text.codePointAt(i)!;
    if (LETTER.test(String.fromCodePoint(cp))) n++;
    if (cp > 0xffff) i++;
  }
  return n;
}

function sampleWindows(text: string): string {
  if (text.length <= 3 * WINDOW_CHARS) return text;
  const middle = Math.floor(text.length / 2 - WINDOW_CHARS / 2);
  return [text.slice(0, WINDOW_CHARS), text.slice(middle, middle + WINDOW_CHARS), text.slice(-WINDOW_CHARS)].join('\n');
}
