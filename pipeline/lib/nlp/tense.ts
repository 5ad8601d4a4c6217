import { FINITE, POS, TENSE, lemmasOf, tensesOf } from './lexicon.ts';
import { Kind, lexemeSlot, type Lexeme, type Token } from './tokens.ts';
import { partitionPoint } from './search.ts';

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

/** What a form says for tense cues, as bits computed once per form. */
const enum F {
  Word = 1,
  /** A finite auxiliary (`a`, `sera`). */
  FiniteAux = 2,
  /** Its auxiliary tenses include the future. */
  AuxFuture = 4,
  Participle = 8,
  Filler = 16,
  /** `été`, `eu`: a chain of participles goes on. */
  Been = 32,
  FutureWord = 64,
  PastWord = 128,
  Since = 256,
  /** A verb of intent in a finite tense (`va`, `doit`): with an infinitive next, the future. */
  GoingTo = 512,
  Infinitive = 1024,
  /** A participle that is no finite form: before a day, what was done (`déposées lundi`). */
  LoneParticiple = 2048,
  /** A determiner or preposition. */
  Determiner = 4096,
  /** A verb reading of future or conditional (no present, no imperfect). */
  VerbFuture = 8192,
  /** A verb reading of imperfect or simple past (no present). */
  VerbPast = 16384,
  /** Its verb reading counts only after no determiner (a noun or adjective that is no auxiliary). */
  NeedsNoDeterminer = 32768,
  Weekday = 65536,
}

const WEEKDAYS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);

const flagsOf = lexemeSlot((lx: Lexeme): number => {
  const w = lx.lower;
  const allTenses = tensesOf(lx.lex);
  const verbTenses = lx.pos & (POS.VERB | POS.AUX) ? allTenses : 0;
  let f = 0;
  if (lx.kind === Kind.Word) f |= F.Word;
  if (lx.pos & POS.AUX && allTenses & FINITE) f |= F.FiniteAux;
  if (allTenses & TENSE.F) f |= F.AuxFuture;
  const participle = lx.kind === Kind.Word && (allTenses & TENSE.K) !== 0 && !FILLERS.has(w);
  if (participle) f |= F.Participle;
  if (participle && !(allTenses & FINITE)) f |= F.LoneParticiple;
  if (FILLERS.has(w)) f |= F.Filler;
  if (w === 'été' || w === 'eu') f |= F.Been;
  if (FUTURE_WORDS.has(w)) f |= F.FutureWord;
  if (PAST_WORDS.has(w)) f |= F.PastWord;
  if (w === 'depuis') f |= F.Since;
  if (verbTenses & (TENSE.P | TENSE.I | TENSE.F | TENSE.C) && lemmasOf(lx.lex, POS.VERB | POS.AUX).some((l) => GOING_TO.has(l))) f |= F.GoingTo;
  if (allTenses & TENSE.W) f |= F.Infinitive;
  if (lx.pos & (POS.DET | POS.PREP)) f |= F.Determiner;
  if (verbTenses && !(lx.pos & (POS.PREP | POS.DET))) {
    if (verbTenses & (TENSE.F | TENSE.C) && !(verbTenses & (TENSE.P | TENSE.I))) f |= F.VerbFuture;
    else if (verbTenses & (TENSE.I | TENSE.J) && !(verbTenses & TENSE.P)) f |= F.VerbPast;
    if (!(lx.pos & POS.AUX) && lx.pos & (POS.NOUN | POS.ADJ)) f |= F.NeedsNoDeterminer;
  }
  if (WEEKDAYS.has(w)) f |= F.Weekday;
  return f;
});

const datedNext = (tokens: Token[], i: number): boolean =>
  i < tokens.length && ((flagsOf(tokens[i]) & F.Weekday) !== 0 || (tokens[i].lower === 'le' && tokens[i + 1]?.kind === Kind.Number));

/** The tense cues of tokens [first, last) (a sentence), in text order and not overlapping. */
export function tenseCues(tokens: Token[], first: number, last: number): TenseCue[] {
  const cues: TenseCue[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    const f = flagsOf(t);
    if (!(f & F.Word)) continue;
    if (f & F.FiniteAux) {
      // the last participle of a chain (`a été programmée`) carries the meaning
      let found = -1;
      for (let j = i + 1; j < last && j <= i + 5; j++) {
        const u = flagsOf(tokens[j]);
        if (u & F.Been) {
          found = j;
          continue;
        }
        if (u & F.Participle) {
          found = j;
          break;
        }
        if (!(u & F.Filler)) break;
      }
      if (found >= 0) {
        const planned = (flagsOf(tokens[found]) & F.FutureWord) !== 0;
        cues.push({ first: i, last: found + 1, direction: planned || f & F.AuxFuture ? 'future' : 'past' });
        i = found;
        continue;
      }
    }
    if (f & F.GoingTo && i + 1 < last && flagsOf(tokens[i + 1]) & F.Infinitive) {
      cues.push({ first: i, last: i + 2, direction: 'future' });
      i++;
      continue;
    }
    if (f & F.Since) {
      cues.push({ first: i, last: i + 1, direction: 'past', forward: true });
      continue;
    }
    if (f & F.FutureWord) cues.push({ first: i, last: i + 1, direction: 'future' });
    else if (f & F.PastWord) cues.push({ first: i, last: i + 1, direction: 'past' });
    // `deux motions déposées lundi`: a participle standing alone before its day tells what was done
    else if (f & F.LoneParticiple && datedNext(tokens, i + 1)) cues.push({ first: i, last: i + 1, direction: 'past' });
    else if (f & (F.VerbFuture | F.VerbPast) && (!(f & F.NeedsNoDeterminer) || !(i > 0 && flagsOf(tokens[i - 1]) & F.Determiner))) {
      cues.push({ first: i, last: i + 1, direction: f & F.VerbFuture ? 'future' : 'past' });
    }
  }
  return cues;
}

/** Tense cues in text order, with those that govern both sides (not `forward`) apart, for nearest-cue look-ups. */
export interface CueList {
  all: TenseCue[];
  both: TenseCue[];
}

export const cueList = (cues: TenseCue[]): CueList => ({ all: cues, both: cues.filter((c) => !c.forward) });

/** The number of cues of `cues` (in text order) for which `before` holds, those being first. */
function countWhile(cues: TenseCue[], before: (c: TenseCue) => boolean): number {
  return partitionPoint(0, cues.length, (k) => before(cues[k]));
}

/**
 * The direction of the cue nearest to tokens [first, last), or null (present tense, nominal
 * sentence). The expression's own words (`lundi dernier`) are read apart; a `forward` cue
 * (`depuis`) governs only what follows it, within 40 characters; the nearer wins, the one
 * before on a tie. Cues do not overlap, so distances grow away from the expression.
 */
export function nearestDirection(cues: CueList, first: number, last: number, tokens: Token[]): Direction | null {
  const from = tokens[first].start;
  const to = tokens[last - 1].end;
  // the nearest cue before, unless it is a `forward` one too far away: then the nearest that governs both sides
  let before: TenseCue | undefined = cues.all[countWhile(cues.all, (c) => c.last <= first) - 1];
  if (before?.forward && from - tokens[before.last - 1].end > 40) before = cues.both[countWhile(cues.both, (c) => c.last <= first) - 1];
  const after: TenseCue | undefined = cues.both[countWhile(cues.both, (c) => c.first < last)];
  if (!before) return after ? after.direction : null;
  if (!after) return before.direction;
  return tokens[after.first].start - to < from - tokens[before.last - 1].end ? after.direction : before.direction;
}
