// Direction of an underspecified date ("jeudi", "septembre", "l'automne") from the tense of the
// nearest verb in its sentence: "a renouvelé jeudi" looks back, "se rendra lundi" looks ahead.

export type Direction = 'past' | 'future';

export interface Cue {
  start: number;
  end: number;
  direction: Direction;
  /** Governs only what follows it ("depuis le 19 janvier"), not an expression before it. */
  forward?: boolean;
}

const WORD_RE = /\p{L}+/gu;

const PAST_AUXILIARIES = new Set([
  'a', 'ont', 'avait', 'avaient', 'avais', 'avions', 'aviez', 'ai', 'as', 'avons', 'avez', 'eut', 'eurent', 'aurait', 'auraient',
  'est', 'sont', 'était', 'étaient', 'fut', 'furent', 'suis', 'sommes', 'êtes', 'serait', 'seraient',
]);
// words that may sit between an auxiliary and its participle ("a-t-il aussi déclaré")
const AUXILIARY_FILLERS = new Set([
  't', 'il', 'elle', 'on', 'ils', 'elles', 'pas', 'plus', 'déjà', 'aussi', 'également', 'notamment', 'encore', 'ensuite', 'bien',
  'toujours', 'jamais', 'enfin', 'finalement', 'ainsi', 'alors', 'récemment', 'longtemps', 'souvent', 'même', 'tout', 'été', 'eu',
  'lui', 'leur', 'y', 'en', 'ne', 'n', 'rien', 'guère', 'officiellement', 'effectivement', 'fortement', 'très', 'vivement', 'nettement',
]);
const PARTICIPLE_RE = /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|int|inte|ints|intes|ort|orts|os|ous)$/;
const NOT_PARTICIPLES = new Set(['qui', 'lui', 'aussi', 'ici', 'parmi', 'depuis', 'puis', 'plus', 'ainsi', 'mais', 'jamais', 'sous', 'nous', 'vous', 'tous', 'ceci', 'celui', 'fois', 'pays', 'dès', 'lors', 'alors', 'près', 'après', 'très', 'avis', 'sans']);

const IMPERFECT_RE = /^\p{Ll}{2,}(?:ait|aient)$/u;
const NOT_IMPERFECT = new Set(['fait', 'lait', 'trait', 'portrait', 'souhait', 'attrait', 'extrait', 'retrait', 'bienfait', 'forfait', 'méfait', 'parfait', 'abstrait', 'distrait', 'contrefait', 'satisfait', 'imparfait']);
// future simple and conditional, keyed on the infinitive stem so that nouns ("front", "extra") and
// imperfects of r-stems ("déclarait", "montrait") are not taken for futures
const FUTURE_RE = /^\p{Ll}+(?:e|i|u|rr|d|tt|ît|v)(?:ra|ras|rai|rons|rez|ront)$/u;
const CONDITIONAL_RE = /^\p{Ll}+(?:e|rr|d|tt|ît)(?:rait|raient)$/u;
const IRREGULAR_CONDITIONALS = new Set(['serait', 'seraient', 'aurait', 'auraient', 'ferait', 'feraient', 'pourrait', 'pourraient', 'devrait', 'devraient', 'irait', 'iraient', 'dirait', 'saurait', 'vaudrait', 'faudrait', 'voudrait', 'voudraient']);
const NOT_FUTURES = new Set(['extra', 'ultra', 'contra', 'mantra', 'tantra', 'sutra', 'lira', 'tiara', 'sierra', 'hydra', 'zebra', 'cobra', 'libra', 'algebra']);
const FUTURE_WORDS = new Set([
  'prochain', 'prochaine', 'prochains', 'prochaines', 'prochainement', 'bientôt', 'prévu', 'prévue', 'prévus', 'prévues', 'programmé',
  'programmée', 'programmés', 'programmées', 'attendu', 'attendue', 'attendus', 'attendues', 'envisagé', 'envisagée', 'planifié', 'planifiée',
]);
const PAST_WORDS = new Set(['dernier', 'dernière', 'derniers', 'dernières', 'récemment', 'survint', 'survenu', 'survenue']);
// prepositions that look back only at what they introduce
const FORWARD_PAST_WORDS = new Set(['depuis']);
const GOING_TO = new Set(['va', 'vont', 'allait', 'allaient', 'doit', 'doivent', 'devait', 'devaient', 'devra', 'devront', 'compte', 'comptent', 'entend', 'entendent', 'souhaite', 'veut', 'veulent']);
const INFINITIVE_RE = /(?:er|ir|re|oir)$/;

/** The tense cues of one sentence (offsets into the whole text); computed once per sentence. */
export function sentenceCues(text: string, sentenceStart: number, sentenceEnd: number): Cue[] {
  return collectCues(text.slice(sentenceStart, sentenceEnd), sentenceStart);
}

function collectCues(sentence: string, offset: number): Cue[] {
  const words: Array<{ w: string; start: number; end: number }> = [];
  const lowered = sentence.toLowerCase();
  const source = lowered.length === sentence.length ? lowered : sentence; // offsets must not move
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(source); m; m = WORD_RE.exec(source)) {
    words.push({ w: source === lowered ? m[0] : m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  const cues: Cue[] = [];
  for (let i = 0; i < words.length; i++) {
    const { w, start, end } = words[i];
    if (PAST_AUXILIARIES.has(w)) {
      const participle = participleAfter(words, i);
      if (participle >= 0) {
        // "est prévue", "a été programmée": the participle of planning announces, it does not report
        cues.push({ start, end: words[participle].end, direction: FUTURE_WORDS.has(words[participle].w) ? 'future' : 'past' });
        i = participle;
        continue;
      }
    }
    if (GOING_TO.has(w) && INFINITIVE_RE.test(words[i + 1]?.w ?? '') && words[i + 1].start - end <= 2) {
      cues.push({ start, end: words[i + 1].end, direction: 'future' });
      i++;
      continue;
    }
    if (FORWARD_PAST_WORDS.has(w)) {
      cues.push({ start, end, direction: 'past', forward: true });
      continue;
    }
    const direction = wordDirection(w);
    if (direction) cues.push({ start, end, direction });
  }
  return cues;
}

/** The tense one word shows on its own; cheap suffix checks first, as this runs on every word of a sentence. */
function wordDirection(w: string): Direction | null {
  if (FUTURE_WORDS.has(w)) return 'future';
  if (PAST_WORDS.has(w)) return 'past';
  if (w.endsWith('ait') || w.endsWith('aient')) {
    if (IRREGULAR_CONDITIONALS.has(w) || CONDITIONAL_RE.test(w)) return 'future';
    return IMPERFECT_RE.test(w) && !NOT_IMPERFECT.has(w) ? 'past' : null;
  }
  if (w.endsWith('ra') || w.endsWith('ras') || w.endsWith('rai') || w.endsWith('rons') || w.endsWith('rez') || w.endsWith('ront')) {
    return FUTURE_RE.test(w) && !NOT_FUTURES.has(w) ? 'future' : null;
  }
  return w.endsWith('èrent') && w.length > 6 ? 'past' : null;
}

function participleAfter(words: Array<{ w: string }>, aux: number): number {
  // the last participle of a chain ("a été programmée") carries the meaning
  let found = -1;
  for (let j = aux + 1; j < words.length && j <= aux + 5; j++) {
    const w = words[j].w;
    if (w === 'été' || w === 'eu') {
      found = j;
      continue;
    }
    if (w.length > 1 && PARTICIPLE_RE.test(w) && !NOT_PARTICIPLES.has(w) && !AUXILIARY_FILLERS.has(w)) return j;
    if (!AUXILIARY_FILLERS.has(w)) return found;
  }
  return found;
}

/**
 * The direction the sentence's verbs give an expression at [start, end): the tense cue nearest
 * to it wins; null when the sentence has no tense cue (present tense, nominal sentence).
 */
export function directionAround(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): Direction | null {
  return nearestDirection(sentenceCues(text, sentenceStart, sentenceEnd), start, end);
}

export function nearestDirection(cues: Cue[], start: number, end: number): Direction | null {
  let best: Cue | null = null;
  let bestDistance = Infinity;
  for (const cue of cues) {
    if (cue.start < end && cue.end > start) continue; // the expression's own words ("lundi dernier") are read apart
    if (cue.forward && (cue.start >= end || start - cue.end > 40)) continue;
    const distance = cue.end <= start ? start - cue.end : cue.start - end;
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best ? best.direction : null;
}
