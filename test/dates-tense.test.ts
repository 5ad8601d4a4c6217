import { describe, expect, it } from 'vitest';
import { directionReader, scanDates } from '../pipeline/lib/extract/dates.ts';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';

// The target expression is marked with [brackets]; the direction is read from the rest of the sentence.
function direction(marked: string) {
  const start = marked.indexOf('[');
  const text = marked.replace('[', '').replace(']', '');
  const doc = buildDoc(text);
  const hit = scanDates(doc).find((h) => doc.tokens[h.first].start === start);
  if (!hit) throw new Error(`no date expression at [${marked}]`);
  const own = 'direction' in hit.reading ? hit.reading.direction : undefined;
  return directionReader(doc)(hit, own);
}

describe('direction from tense', () => {
  it.each([
    ['Poutine a renouvelé [jeudi] son soutien.', 'past'],
    ["L'ambassadeur a offert [jeudi] un atlas.", 'past'],
    ['Les pays avaient annoncé [mi-octobre] une force commune.', 'past'],
    ['[Mi-octobre], la Biélorussie et la Russie avaient annoncé la création.', 'past'],
    ['Il s’est rendu [lundi] à Moscou.', 'past'],
    ['Le président a-t-il déclaré [lundi] ?', 'past'],
    ['Il était à Minsk [mardi].', 'past'],
    ['Ils annoncèrent [lundi] leur départ.', 'past'],
    ['La crise dure depuis les élections du [9 août].', 'past'],
    ['Poutine se rendra [lundi] en Biélorussie.', 'future'],
    ['Les négociations porteront [lundi] sur la coopération.', 'future'],
    ['Une visite est programmée [lundi 14 septembre].', 'future'],
    ['La réunion est prévue [mardi].', 'future'],
    ['Le Kremlin va annoncer [lundi] sa décision.', 'future'],
    ['Il devrait signer [jeudi] le traité.', 'future'],
    ['Le Kremlin ignorait si la visite se déroulerait [lundi].', 'future'],
    ['Ils auront rendez-vous [vendredi].', 'future'],
    ['Poutine se rendra [lundi] en Biélorussie, ont annoncé vendredi le Kremlin et Minsk.', 'future'],
    ['Poutine se rendra lundi en Biélorussie, ont annoncé [ce vendredi] le Kremlin et Minsk.', 'past'],
  ])('%s → %s', (marked, expected) => {
    expect(direction(marked)).toBe(expected);
  });

  it.each([
    ['Le président se trouve à Minsk [lundi].'],
    ['[Lundi] : réunion au sommet.'],
    ['Le front est calme [mardi].'],
    ["Il montrait [jeudi] sa force, selon l'opéra."],
  ])('no tense cue, or only nouns that look like verbs: %s', (marked) => {
    const got = direction(marked);
    // "montrait" is an imperfect (past), never a future; "front" and "opéra" are nouns
    expect(got === null || got === 'past').toBe(true);
    if (!/montrait/.test(marked)) expect(got).toBeNull();
  });
});
