import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameFormMatches } from '../pipeline/lib/extract/people.ts';

/** The definition nameFormMatches implements without compiling a regex per article. */
function byRegex(text: string, forms: string[]): Array<{ index: number; surface: string }> {
  const escaped = [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return [...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{M}\-])(?:${escaped.join('|')})(?![\p{L}\p{M}])`, 'gu'))].map((m) => ({ index: m.index, surface: m[0] }));
}

const FORMS = ['Poutine', 'Vladimir Poutine', 'Ned Price', 'Price', 'Le Drian', 'Jean-Yves Le Drian', 'Zelensky', 'Émile'];

describe('nameFormMatches', () => {
  it('finds known names between non-letters, longest first', () => {
    const text = 'Vladimir Poutine a reçu Jean-Yves Le Drian, puis Poutine a parlé à Ned Price.';
    expect(nameFormMatches(text, FORMS).map((m) => m.surface)).toEqual(['Vladimir Poutine', 'Jean-Yves Le Drian', 'Poutine', 'Ned Price']);
  });

  it('skips a name glued to a hyphen or a combining mark before it, and one followed by a letter or mark', () => {
    const text = 'Anti-Poutine, e\u0301Poutine, Poutinesque, Poutine\u0301, (Poutine)';
    expect(nameFormMatches(text, FORMS)).toEqual([{ index: text.lastIndexOf('Poutine'), surface: 'Poutine' }]);
  });

  it('agrees with the regex definition on arbitrary text', () => {
    const piece = fc.constantFrom(...FORMS, ' ', '-', ',', '\u0301', 'a', 'É', "l'", '’', '𝐀', 'Jean', 'Le', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
      const text = pieces.join('');
      expect(nameFormMatches(text, FORMS)).toEqual(byRegex(text, FORMS));
    }), { numRuns: 2000 });
  });

  it('falls back to the regex for a form that does not start with a letter', () => {
    const forms = ['’Ali', 'Ali'];
    expect(nameFormMatches('Dit ’Ali et Ali.', forms)).toEqual(byRegex('Dit ’Ali et Ali.', forms));
  });
});
