import { describe, expect, it } from 'vitest';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';

const spansOf = (t: string) => buildDoc(t).sentences;
const split = (t: string) => spansOf(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['Il est venu. Elle est partie.', ['Il est venu.', 'Elle est partie.']],
    ['M. Poutine a parlé à M. Macron. Puis il est parti.', ['M. Poutine a parlé à M. Macron.', 'Puis il est parti.']],
    ['« Est-ce possible ? Non ! », a lancé le président. Fin.', ['« Est-ce possible ? Non ! », a lancé le président.', 'Fin.']],
    ['"Il viendra. Il le faut", a-t-il dit.', ['"Il viendra. Il le faut", a-t-il dit.']],
    ['Le vaccin Spoutnik V. "Nous devons agir", a-t-il dit.', ['Le vaccin Spoutnik V.', '"Nous devons agir", a-t-il dit.']],
    ['Un atlas de l’Empire russe.Un témoignage historique.', ['Un atlas de l’Empire russe.', 'Un témoignage historique.']],
    ['Titre sans point\n\nLe corps. Suite.', ['Titre sans point', 'Le corps.', 'Suite.']],
    ['Il a 3.5 millions. Bien.', ['Il a 3.5 millions.', 'Bien.']],
    ['J. Biden arrive. Ensuite?', ['J. Biden arrive.', 'Ensuite?']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('returns spans that cover only non-space text and never overlap', () => {
    const text = 'Un. Deux.\n\nTrois ? Quatre !';
    const spans = spansOf(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
  });
});
