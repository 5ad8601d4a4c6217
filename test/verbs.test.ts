import { describe, expect, it } from 'vitest';
import { auxiliaryOf, conjugate, matchReportingVerb, REPORTING_VERBS, reportingVerbForms } from '../pipeline/lib/lexicon/verbs.ts';

const words = (s: string) => s.toLowerCase().split(/\s+/);

describe('conjugate (Lefff tables)', () => {
  it('gives every tense of a regular verb', () => {
    const forms = conjugate('déclarer');
    expect(forms.get('déclaré')).toBe('participle');
    expect(forms.get('déclare')).toBe('present');
    expect(forms.get('déclarait')).toBe('imperfect');
    expect(forms.get('déclara')).toBe('simple_past');
    expect(forms.get('déclarera')).toBe('future');
    expect(forms.get('déclarerait')).toBe('conditional');
    expect(forms.get('déclarant')).toBe('gerund');
  });

  it('gives irregular forms', () => {
    expect(conjugate('dire').get('dit')).toBe('participle');
    expect(conjugate('reconnaître').has('reconnu')).toBe(true);
    expect(conjugate('promettre').has('promis')).toBe(true);
    expect(conjugate('soutenir').has('soutient')).toBe(true);
  });

  it('derives regular first-group forms for verbs missing from the tables', () => {
    const forms = conjugate('tweeter');
    expect(forms.get('tweeté')).toBe('participle');
    expect(forms.get('tweete')).toBe('present');
  });

  it('knows nothing of unknown non-verbs', () => {
    expect(conjugate('xyzabc').size).toBe(0);
  });

  it('every listed reporting verb has forms', () => {
    for (const verb of REPORTING_VERBS) expect(conjugate(verb).size, verb).toBeGreaterThan(0);
  });
});

describe('reporting verb lookup', () => {
  it.each([
    ['déclaré', 'déclarer'], ['insisté', 'insister'], ['affirme', 'affirmer'], ['estimant', 'estimer'],
    ['lança', 'lancer'], ['précisait', 'préciser'], ['martèle', 'marteler'], ['ajoutera', 'ajouter'],
    ['Assuré', 'assurer'], ['expliqué', 'expliquer'], ['qualifié', 'qualifier'], ['répétant', 'répéter'],
  ])('%s → %s', (form, infinitive) => {
    expect(reportingVerbForms(form).map((v) => v.infinitive)).toContain(infinitive);
  });

  it.each(['maison', 'président', 'renouvelé', 'appel', 'accord', 'le'])('%s is not a reporting verb', (word) => {
    expect(reportingVerbForms(word)).toEqual([]);
  });

  it.each([
    ['fait valoir', 'faire valoir', 2],
    ['fit savoir', 'faire savoir', 2],
    ['mis en garde', 'mettre en garde', 3],
    ['déclaré hier', 'déclarer', 1],
  ])('%s is the verb %s over %i words', (phrase, infinitive, length) => {
    expect(matchReportingVerb(words(phrase), 0)).toMatchObject({ infinitive, length });
  });

  it('keeps the reflexive for verbs that report only pronominally', () => {
    expect(matchReportingVerb(['exclamé'], 0, true)?.infinitive).toBe('s’exclamer');
    expect(matchReportingVerb(['exclamé'], 0, false)).toBeNull();
    expect(matchReportingVerb(['dit'], 0, true)?.infinitive).toBe('dire');
  });

  it.each([
    ['a', 'avoir'], ['ont', 'avoir'], ['avait', 'avoir'], ['aurait', 'avoir'],
    ['est', 'être'], ['sont', 'être'], ['était', 'être'],
    ['eu', null], ['président', null],
  ])('auxiliary %s → %s', (word, aux) => {
    expect(auxiliaryOf(word)).toBe(aux);
  });
});
