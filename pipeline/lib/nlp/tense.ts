import { FINITE, POS, TENSE, lemmasOf, tensesOf } from './lexicon.ts';
import { Kind, type Token } from './tokens.ts';

/**
 * Where a sentence's verbs place what it reports in time, read from the tenses the lexicon
 * gives each form: `a renouvelé jeudi` looks back, `se rendra lundi` ahead. A cue covers the
 * tokens of its verb group; an expression takes the direction of the nearest cue.
 */

export type Direction = 'past' | 'future';

export interface TenseCue {
  /** Token range [first, last). */
  first: number;
  last: number;
  direction: Direction;
  /** Governs only what follows it (`depuis le 19 janvier`). */
  forward?: boolean;
}

const FUTURE_WORDS = new Set([
  'prochain', 'prochaine', 'prochains', 'prochaines', 'prochainement', 'bientôt', 'prévu', 'prévue', 'prévus', 'prévues', 'programmé',
  'programmée', 'programmés', 'programmées', 'attendu', 'attendue', 'attendus', 'attendues', 'envisagé', 'envisagée', 'planifié', 'planifiée',
]);
const PAST_WORDS = new Set(['dernier', 'dernière', 'derniers', 'dernières', 'récemment', 'survint', 'survenu', 'survenue']);
const GOING_TO = new Set(['aller', 'devoir', 'compter', 'entendre', 'souhaiter', 'vouloir']);
/** Words that may stand between an auxiliary and its participle (`a-t-il aussi déclaré`). */
const FILLERS = new Set([
  '-t-il', '-t-elle', '-il', '-elle', '-on', '-ils', '-elles', 'il', 'elle', 'on', 'ils', 'elles', 'pas', 'plus', 'déjà', 'aussi', 'également',
  'notamment', 'encore', 'ensuite', 'bien', 'toujours', 'jamais', 'enfin', 'finalement', 'ainsi', 'alors', 'récemment', 'longtemps', 'souvent',
  'même', 'tout', 'lui', 'leur', 'y', 'en', 'ne', "n'", 'rien', 'guère', 'officiellement', 'effectivement', 'fortement', 'très', 'vivement', 'nettement',
]);

const isDeterminer = (t: Token | undefined): boolean => t !== undefined && (t.pos & (POS.DET | POS.PREP)) !== 0;
const isAuxiliary = (t: Token): boolean => (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
const isParticiple = (t: Token): boolean => t.kind === Kind.Word && (tensesOf(t.lex) & TENSE.K) !== 0 && !FILLERS.has(t.lower);

const WEEKDAYS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
const datedNext = (tokens: Token[], i: number): boolean =>
  WEEKDAYS.has(tokens[i]?.lower ?? '') || (tokens[i]?.lower === 'le' && tokens[i + 1]?.kind === Kind.Number);

/** The tense cues of tokens [first, last) (a sentence). */
export function tenseCues(tokens: Token[], first: number, last: number): TenseCue[] {
  const cues: TenseCue[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (t.kind !== Kind.Word) continue;
    const w = t.lower;
    if (isAuxiliary(t)) {
      // the last participle of a chain (`a été programmée`) carries the meaning
      let found = -1;
      for (let j = i + 1; j < last && j <= i + 5; j++) {
        const u = tokens[j];
        if (u.lower === 'été' || u.lower === 'eu') {
          found = j;
          continue;
        }
        if (isParticiple(u)) {
          found = j;
          break;
        }
        if (!FILLERS.has(u.lower)) break;
      }
      if (found >= 0) {
        const aux = tensesOf(t.lex);
        const planned = FUTURE_WORDS.has(tokens[found].lower);
        cues.push({ first: i, last: found + 1, direction: planned || aux & TENSE.F ? 'future' : 'past' });
        i = found;
        continue;
      }
    }
    const tenses = t.pos & (POS.VERB | POS.AUX) ? tensesOf(t.lex) : 0;
    if (tenses & (TENSE.P | TENSE.I | TENSE.F | TENSE.C) && lemmasOf(t.lex, POS.VERB | POS.AUX).some((l) => GOING_TO.has(l))) {
      const next = tokens[i + 1];
      if (next && i + 1 < last && tensesOf(next.lex) & TENSE.W) {
        cues.push({ first: i, last: i + 2, direction: 'future' });
        i++;
        continue;
      }
    }
    if (w === 'depuis') {
      cues.push({ first: i, last: i + 1, direction: 'past', forward: true });
      continue;
    }
    if (FUTURE_WORDS.has(w)) cues.push({ first: i, last: i + 1, direction: 'future' });
    else if (PAST_WORDS.has(w)) cues.push({ first: i, last: i + 1, direction: 'past' });
    // `deux motions déposées lundi`: a participle standing alone before its day tells what was done
    else if (isParticiple(t) && !(tensesOf(t.lex) & FINITE) && datedNext(tokens, i + 1)) cues.push({ first: i, last: i + 1, direction: 'past' });
    else if (tenses && !(t.pos & (POS.PREP | POS.DET)) && (t.pos & POS.AUX || !(t.pos & (POS.NOUN | POS.ADJ)) || !isDeterminer(tokens[i - 1]))) {
      if (tenses & (TENSE.F | TENSE.C) && !(tenses & (TENSE.P | TENSE.I))) cues.push({ first: i, last: i + 1, direction: 'future' });
      else if (tenses & (TENSE.I | TENSE.J) && !(tenses & TENSE.P)) cues.push({ first: i, last: i + 1, direction: 'past' });
    }
  }
  return cues;
}

/** The direction of the cue nearest to tokens [first, last), or null (present tense, nominal sentence). */
export function nearestDirection(cues: TenseCue[], first: number, last: number, tokens: Token[]): Direction | null {
  let best: TenseCue | null = null;
  let bestDistance = Infinity;
  for (const cue of cues) {
    if (cue.first < last && cue.last > first) continue; // the expression's own words (`lundi dernier`) are read apart
    if (cue.forward && (cue.first >= last || tokens[first].start - tokens[cue.last - 1].end > 40)) continue;
    const distance = cue.last <= first ? tokens[first].start - tokens[cue.last - 1].end : tokens[cue.first].start - tokens[last - 1].end;
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best ? best.direction : null;
}
