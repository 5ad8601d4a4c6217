// The lexicon lookups of a sentence or clause read one scan of the whole article: they must
// find exactly what scanning the slice alone finds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { clausesOf } from '../pipeline/lib/extract/events.ts';
import { findActorMentions, indexPeople } from '../pipeline/lib/lexicon/actors.ts';
import { findCountryMentions, findCountryMentionsIn, mentionsWithin } from '../pipeline/lib/lexicon/countries.ts';
import { findPlaceMentionsIn } from '../pipeline/lib/lexicon/places.ts';
import { splitSentences, type Span } from '../pipeline/lib/text/sentences.ts';
import { ROOT } from './helpers.ts';

const articles = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => cleanArticle(readFileSync(join(ROOT, 'seeds', f)), f).text);
articles.push('Les présidents russo-biélorusse et franco-allemand. Le Washington Post cite la Corée du Nord; Moscou (Russie) – Kiev, Minsk et Rzeszów.');

const spansOf = (text: string): Span[] => splitSentences(text).flatMap((s) => [s, ...clausesOf(text, s)]);

describe('span lookups over one scan of the article', () => {
  it('find the countries of every sentence and clause that scanning the slice finds', () => {
    for (const text of articles) {
      for (const s of spansOf(text)) expect(findCountryMentionsIn(text, s.start, s.end)).toEqual(findCountryMentions(text.slice(s.start, s.end)));
    }
  });

  it('find the places of every sentence and clause that scanning the slice finds', () => {
    for (const text of articles) {
      for (const s of spansOf(text)) expect(findPlaceMentionsIn(text, s.start, s.end)).toEqual(findPlaceMentionsIn(text.slice(s.start, s.end), 0, s.end - s.start));
    }
  });

  it('find the actors (countries and people) of every sentence that scanning the slice finds', () => {
    for (const text of articles) {
      const people = indexPeople(text);
      for (const s of splitSentences(text)) expect(findActorMentions(text, people, s.start, s.end)).toEqual(findActorMentions(text.slice(s.start, s.end), people));
    }
  });

  it('mentionsWithin keeps the items wholly inside the span', () => {
    const items = [{ start: 0, end: 3 }, { start: 2, end: 6 }, { start: 5, end: 7 }, { start: 9, end: 12 }];
    expect(mentionsWithin(items, 2, 7)).toEqual([{ start: 2, end: 6 }, { start: 5, end: 7 }]);
    expect(mentionsWithin(items, 7, 9)).toEqual([]);
    expect(mentionsWithin([], 0, 10)).toEqual([]);
  });
});
