import { describe, expect, it } from 'vitest';
import { articleContext } from '../pipeline/lib/extract/context.ts';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import { POS, TENSE, lemmasOf, lookup, tensesOf } from '../pipeline/lib/nlp/lexicon.ts';
import { loadRuleLines } from '../pipeline/lib/nlp/rules.ts';

// The reporting verbs and event triggers are lemmas: every one must be a verb the lexicon
// conjugates, or its rule would never fire.

describe('the lexicon conjugates', () => {
  it.each([
    ['déclaré', TENSE.K], ['déclare', TENSE.P], ['déclarait', TENSE.I], ['déclara', TENSE.J],
    ['déclarera', TENSE.F], ['déclarerait', TENSE.C], ['déclarant', TENSE.G], ['déclarer', TENSE.W],
    ['dit', TENSE.K], ['reconnu', TENSE.K], ['promis', TENSE.K], ['soutient', TENSE.P],
    ['tweeté', TENSE.K], ['tweete', TENSE.P],
  ])('%s', (form, tense) => {
    expect(tensesOf(lookup(form)) & tense).toBeTruthy();
  });

  it('knows nothing of an unknown word', () => {
    expect(lookup('xyzabc')).toBeNull();
  });
});

describe('rule files name verbs the lexicon knows', () => {
  it.each(['quotes/verbs.jsonl', 'events/triggers.jsonl'])('%s', (file) => {
    const unknown = loadRuleLines<{ lemma?: string; verb?: string }>(file)
      .map(({ line, rule }) => ({ line, lemma: rule.lemma ?? rule.verb }))
      .filter(({ lemma }) => lemma !== undefined && !lemmasOf(lookup(lemma!), POS.VERB).includes(lemma!))
      .map(({ line, lemma }) => `${file}:${line}: ${lemma}`);
    expect(unknown).toEqual([]);
  });
});

describe('reporting verbs in use', () => {
  const cueOf = (text: string) => extractQuotes(articleContext('t', text, '2022-12'), [])[0]?.cue ?? null;

  it.each([
    ['déclaré', 'déclarer'], ['insisté', 'insister'], ['affirmé', 'affirmer'], ['lancé', 'lancer'],
    ['précisé', 'préciser'], ['martelé', 'marteler'], ['ajouté', 'ajouter'], ['assuré', 'assurer'],
    ['expliqué', 'expliquer'], ['répété', 'répéter'],
  ])('« … », a %s X → %s', (participle, infinitive) => {
    expect(cueOf(`« Nous ne céderons pas », a ${participle} Vladimir Poutine.`)).toBe(infinitive);
  });

  it.each([
    ['a fait valoir', 'faire valoir'],
    ['a fait savoir', 'faire savoir'],
    ['a mis en garde', 'mettre en garde'],
  ])('a multi-word cue: %s', (verb, infinitive) => {
    expect(cueOf(`« Nous ne céderons pas », ${verb} Vladimir Poutine.`)).toBe(infinitive);
  });

  it.each(['a renouvelé', 'a regardé'])('%s reports no speech', (verb) => {
    expect(cueOf(`« Nous ne céderons pas » ${verb} Vladimir Poutine.`)).toBeNull();
  });
});
