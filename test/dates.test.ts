import { describe, expect, it } from 'vitest';
import { extractDates } from '../pipeline/lib/extract/dates.ts';
import type { DateMention } from '../pipeline/lib/extract/types.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';

function tag(text: string, published: string | null = null): DateMention[] {
  const precision = published === null ? null : published.length === 4 ? 'year' : published.length === 7 ? 'month' : 'day';
  void precision;
  return extractDates(articleContext('t', text, published));
}
const brief = (m: DateMention) => [m.text, m.value, m.precision, m.basis];

type Row = [sentence: string, published: string | null, expected: Array<[string, string | null, string | null, string]>];

function table(name: string, rows: Row[]) {
  describe(name, () => {
    it.each(rows)('%s (published %s)', (sentence, published, expected) => {
      const found = tag(sentence, published);
      expect(found.map(brief)).toEqual(expected);
      for (const m of found) expect(sentence.slice(m.start, m.end)).toBe(m.text);
    });
  });
}

table('absolute days and months', [
  ['Le scrutin a eu lieu le 9 août 2020.', null, [['9 août 2020', '2020-08-09', 'day', 'explicit']]],
  ['Il arrivera le 1er mars 2022 à Paris.', null, [['1er mars 2022', '2022-03-01', 'day', 'explicit']]],
  ['La réunion est prévue lundi 14 septembre 2020.', null, [['lundi 14 septembre 2020', '2020-09-14', 'day', 'explicit']]],
  ['Les faits remontent au 14/09/2020.', null, [['14/09/2020', '2020-09-14', 'day', 'explicit']]],
  ['Le décret du 2020-09-14 est paru.', null, [['2020-09-14', '2020-09-14', 'day', 'explicit']]],
  ['Le texte a été signé en septembre 2020.', null, [['septembre 2020', '2020-09', 'month', 'explicit']]],
  ['Le tweet date du September 9, 2020.', null, [['September 9, 2020', '2020-09-09', 'day', 'explicit']]],
  ['Il dirige le pays depuis 1994.', null, [['1994', '1994', 'year', 'explicit']]],
  ['Il voulait se présenter à l\'été 2020.', null, [["l'été 2020", '2020-SU', 'season', 'explicit']]],
  ['Un atlas du XIXe siècle lui a été offert.', null, [['XIXe siècle', '18', 'century', 'explicit']]],
  ['Au XXIe siècle, tout a changé.', null, [['XXIe siècle', '20', 'century', 'explicit']]],
  ['Cette pratique date des années 1990.', null, [['années 1990', '199', 'decade', 'explicit']]],
  ['Dans les années 1990, le pays a changé.', null, [['les années 1990', '199', 'decade', 'explicit']]],
  ['Les élections auront lieu fin 2021.', null, [['fin 2021', '2021', 'year', 'explicit']]],
  ['Le chantier commencera début mars 2023.', null, [['début mars 2023', '2023-03', 'month', 'explicit']]],
  ['Du 3 au 5 mars 2021, les deux chefs se sont vus.', null, [['3', '2021-03-03', 'day', 'explicit'], ['5 mars 2021', '2021-03-05', 'day', 'explicit']]],
  ['La trêve court du 28 décembre au 3 janvier 2021.', null, [['28 décembre', '2020-12-28', 'day', 'context'], ['3 janvier 2021', '2021-01-03', 'day', 'explicit']]],
]);

table('relative to a day-precision document date (Friday 2021-03-12)', [
  ["Le ministre l'a dit aujourd'hui.", '2021-03-12', [["aujourd'hui", '2021-03-12', 'day', 'publication']]],
  ['Il est arrivé hier à Minsk.', '2021-03-12', [['hier', '2021-03-11', 'day', 'publication']]],
  ['Il partira demain pour Moscou.', '2021-03-12', [['demain', '2021-03-13', 'day', 'publication']]],
  ['Poutine a renouvelé jeudi son soutien.', '2021-03-12', [['jeudi', '2021-03-11', 'day', 'publication']]],
  ['Poutine se rendra lundi en Biélorussie.', '2021-03-12', [['lundi', '2021-03-15', 'day', 'publication']]],
  ['Le Kremlin a annoncé ce vendredi la visite.', '2021-03-12', [['ce vendredi', '2021-03-12', 'day', 'publication']]],
  ['Il reviendra lundi prochain.', '2021-03-12', [['lundi prochain', '2021-03-15', 'day', 'publication']]],
  ['Il était à Sotchi mardi dernier.', '2021-03-12', [['mardi dernier', '2021-03-09', 'day', 'publication']]],
  ['Les manifestations se poursuivent cette semaine.', '2021-03-12', [['cette semaine', '2021-W10', 'week', 'publication']]],
  ['Il a été arrêté la semaine dernière.', '2021-03-12', [['la semaine dernière', '2021-W09', 'week', 'publication']]],
  ['Les ventes ont chuté le mois dernier.', '2021-03-12', [['le mois dernier', '2021-02', 'month', 'publication']]],
  ["Sa réélection l'an dernier a été contestée.", '2021-03-12', [["l'an dernier", '2020', 'year', 'publication']]],
  ["Le traité sera ratifié l'année prochaine.", '2021-03-12', [["l'année prochaine", '2022', 'year', 'publication']]],
  ["Il veut un vaccin d'ici l'automne.", '2021-03-12', [["l'automne", '2021-FA', 'season', 'publication']]],
  ['Des drones ont frappé Kiev dans la nuit de dimanche à lundi.', '2021-03-12', [['dans la nuit de dimanche à lundi', '2021-03-07', 'day', 'publication']]],
  ['Il a été libéré il y a deux ans.', '2021-03-12', [['il y a deux ans', '2019', 'year', 'publication']]],
  ['Les élections du 9 août ont été contestées.', '2021-03-12', [['9 août', '2020-08-09', 'day', 'publication']]],
  ['Le sommet se tiendra le 9 août.', '2021-03-12', [['9 août', '2021-08-09', 'day', 'publication']]],
]);

table('relative to a month-precision document date keeps the month', [
  ['Poutine se rendra lundi en Biélorussie.', '2022-12', [['lundi', '2022-12', 'month', 'publication']]],
  ['Ils ont annoncé ce vendredi la visite.', '2022-12', [['ce vendredi', '2022-12', 'month', 'publication']]],
  ["Il l'a dit aujourd'hui.", '2022-12', [["aujourd'hui", '2022-12', 'month', 'publication']]],
  ['Cette semaine, l\'armée a mené une inspection.', '2022-12', [['Cette semaine', '2022-12', 'month', 'publication']]],
  ['Un assaut a eu lieu dans la nuit de dimanche à lundi.', '2022-12', [['dans la nuit de dimanche à lundi', '2022-12', 'month', 'publication']]],
  ['Mi-octobre, les deux pays avaient annoncé une force commune.', '2022-12', [['Mi-octobre', '2022-10', 'month', 'publication']]],
  ["La dernière rencontre, c'était en septembre.", '2021-02', [['septembre', '2020-09', 'month', 'publication']]],
  ['La conférence aura lieu en mars.', '2021-02', [['mars', '2021-03', 'month', 'publication']]],
  ['La conférence aura lieu en janvier.', '2021-02', [['janvier', '2022-01', 'month', 'publication']]],
  ['Une visite est programmée lundi 14 septembre.', '2020-09', [['lundi 14 septembre', '2020-09-14', 'day', 'publication']]],
  ['La crise dure depuis les élections du 9 août.', '2021-02', [['9 août', '2020-08-09', 'day', 'publication']]],
  ['Le pays a connu une crise le mois dernier.', '2021-01', [['le mois dernier', '2020-12', 'month', 'publication']]],
  ['Il viendra la semaine prochaine.', '2022-12', [['la semaine prochaine', '2022-12', 'month', 'publication']]],
  ['Il avait été vu la veille.', '2022-12', [['la veille', '2022-12', 'month', 'publication']]],
]);

table('with no document date, relative expressions stay unresolved', [
  ['Poutine a renouvelé jeudi son soutien.', null, [['jeudi', null, null, 'unresolved']]],
  ["Il est aujourd'hui le principal soutien.", null, [["aujourd’hui".replace('’', "'"), null, null, 'unresolved']]],
  ["Sa réélection l’an dernier.", null, [['l’an dernier', null, null, 'unresolved']]],
  ["L'ambassadeur est parti le mois dernier.", null, [['le mois dernier', null, null, 'unresolved']]],
  ['Le scrutin du 9 août a été contesté.', null, [['9 août', null, null, 'unresolved']]],
  ["Il a l'intention d'agir d'ici l'automne.", null, [["l'automne", null, null, 'unresolved']]],
]);

table('context-anchored: la veille, le lendemain', [
  ['Le sommet a eu lieu le 14 septembre 2020. La veille, des manifestants avaient été arrêtés.', null, [
    ['14 septembre 2020', '2020-09-14', 'day', 'explicit'],
    ['La veille', '2020-09-13', 'day', 'context'],
  ]],
  ['Il est arrivé le 3 mars 2021 et reparti le lendemain.', null, [
    ['3 mars 2021', '2021-03-03', 'day', 'explicit'],
    ['le lendemain', '2021-03-04', 'day', 'context'],
  ]],
  ["À la veille de l'élection, le ton monte.", '2021-03-12', []],
]);

table('not dates: durations, frequencies, ages, vague words, counts', [
  ['Depuis un mois le président fait face à la contestation.', '2020-09', []],
  ['Plus de six mois après le déclenchement des manifestations.', '2021-02', []],
  ['En un mois, il a effectué un volte-face.', '2020-09', []],
  ['La réunion a duré environ une heure.', '2021-02', []],
  ['Il ne se passe pas un jour sans que nous parlions.', '2021-02', []],
  ['Il a récemment célébré son 66e anniversaire.', '2020-09', []],
  ['Ces dernières années, il a accusé Moscou.', '2020-09', []],
  ["À l'époque, Poutine avait promis un crédit.", '2021-02', []],
  ['La cérémonie célébrait la signature de 28 accords.', null, []],
  ['La Turquie a acheté des S-400 russes.', null, []],
  ['Plus de 2000 manifestants ont été arrêtés.', null, []],
  ['Environ 1500 soldats sont déployés.', null, []],
  ['Le contrat porte sur 2500 tonnes de blé.', null, []],
  ['Il a payé 1 500 euros.', null, []],
  ['La résolution 2231 a été adoptée.', null, []],
  ["L'armée n'a pas pris part jusqu'à présent aux combats.", '2022-12', []],
  ['Il a été élu président.', '2022-12', []],
  ['Le Printemps arabe a bouleversé la région.', null, []],
  ['Les astronautes iront sur Mars un jour.', null, []],
  ['Il se rend à Moscou tous les lundis et chaque jeudi.', '2022-12', []],
  ['La Vie siècle après siècle.', null, []],
  ['Dans les semaines suivantes, la position a changé.', '2020-09', []],
]);

table('years among numbers', [
  ['Les deux régimes se sont rapprochés depuis 2020.', null, [['2020', '2020', 'year', 'explicit']]],
  ["À l'approche de la présidentielle de 2020.", null, [['2020', '2020', 'year', 'explicit']]],
  ['Une union qui existe depuis 1999.', null, [['1999', '1999', 'year', 'explicit']]],
  ['La saison 2020-2021 a été difficile.', null, [['2020', '2020', 'year', 'explicit'], ['2021', '2021', 'year', 'explicit']]],
  ['En 1789 la Révolution éclate.', null, [['1789', '1789', 'year', 'explicit']]],
  ['Il a été élu en 2018 puis réélu.', null, [['2018', '2018', 'year', 'explicit']]],
]);

describe('spans', () => {
  it('leave leading prepositions out and keep offsets into the text', () => {
    const text = "Depuis 1994, en septembre, d'ici l'automne et à la mi-octobre, le 9 août.";
    const found = tag(text, '2021-02');
    expect(found.map((m) => m.text)).toEqual(['1994', 'septembre', "l'automne", 'mi-octobre', '9 août']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('handle typographic apostrophes and no-break spaces', () => {
    const text = 'Aujourd’hui, le 14\u00a0septembre\u00a02020, l’an dernier.';
    expect(tag(text, '2020-09-14').map(brief)).toEqual([
      ['Aujourd’hui', '2020-09-14', 'day', 'publication'],
      ['14\u00a0septembre\u00a02020', '2020-09-14', 'day', 'explicit'],
      ['l’an dernier', '2019', 'year', 'publication'],
    ]);
  });
});

table('more forms', [
  ['Le sommet aura lieu jeudi 3 à Minsk.', '2022-11', [['jeudi 3', '2022-11-03', 'day', 'publication']]],
  ['Ils se sont vus jeudi 1er.', '2022-12', [['jeudi 1er', '2022-12-01', 'day', 'publication']]],
  ["Cette année-là, la crise a éclaté.", '2022-12', []],
  ['Ce jour-là, rien ne s’est passé.', '2022-12', []],
  ['Le traité sera signé avant la fin de l’année, dit-il.', '2022-12', [['fin de l’année', '2022', 'year', 'publication']]],
  ["L'accord sera signé d'ici fin de l'année.", '2022-12', [["fin de l'année", '2022', 'year', 'publication']]],
  ['Le bilan sera publié début du mois.', '2022-12-05', [['début du mois', '2022-12', 'month', 'publication']]],
  ['Des frappes ont eu lieu la nuit dernière.', '2022-12-05', [['la nuit dernière', '2022-12-04', 'day', 'publication']]],
  ["Il l'a confié au Journal du dimanche.", '2022-12-05', []],
  ['Les vacances de printemps commencent.', '2022-12-05', []],
  ['La récolte aura lieu en automne.', '2022-12', [['automne', '2023-FA', 'season', 'publication']]],
  ["L'hiver dernier a été rude.", '2022-03', [["L'hiver dernier", '2021-WI', 'season', 'publication']]],
  ['Les élections ont eu lieu cet été.', '2022-09', [['cet été', '2022-SU', 'season', 'publication']]],
  ['Un attentat a eu lieu le 11 septembre 2001 à New York.', null, [['11 septembre 2001', '2001-09-11', 'day', 'explicit']]],
  ['Il avait été arrêté le 25 décembre dernier.', '2023-01-10', [['25 décembre dernier', '2022-12-25', 'day', 'publication']]],
  ['La trêve sera respectée les 14 et 15 septembre.', '2020-09', [['14', '2020-09-14', 'day', 'publication'], ['15 septembre', '2020-09-15', 'day', 'publication']]],
  ['Il régnait au XVIIIe siècle et au 19e siècle.', null, [['XVIIIe siècle', '17', 'century', 'explicit'], ['19e siècle', '18', 'century', 'explicit']]],
  ['Il était populaire dans les années 80.', null, [['les années 80', '198', 'decade', 'explicit']]],
  ['Le pays a changé dans les années 2000.', null, [['les années 2000', '200', 'decade', 'explicit']]],
  ['La guerre du siècle dernier.', '2022-12', [['siècle dernier', '19', 'century', 'publication']]],
  ['Le siècle dernier a vu deux guerres.', '2022-12', [['Le siècle dernier', '19', 'century', 'publication']]],
  ['Elle est partie avant-hier et reviendra après-demain.', '2022-12-05', [['avant-hier', '2022-12-03', 'day', 'publication'], ['après-demain', '2022-12-07', 'day', 'publication']]],
  ['Il est arrivé ce matin à Kiev.', '2022-12-05', [['ce matin', '2022-12-05', 'day', 'publication']]],
  ['Le pays entre en récession ce mois-ci.', '2022-12-05', [['ce mois-ci', '2022-12', 'month', 'publication']]],
  ['Il viendra le mois prochain.', '2022-12-05', [['le mois prochain', '2023-01', 'month', 'publication']]],
  ['La loi a été votée cette année.', '2022-12-05', [['cette année', '2022', 'year', 'publication']]],
  ["Les prix ont grimpé l'année dernière.", '2022-12-05', [["l'année dernière", '2021', 'year', 'publication']]],
  ['Le régime a été instauré il y a 30 ans.', '2022-12-05', [['il y a 30 ans', '1992', 'year', 'publication']]],
  ['Il est mort il y a trois jours.', '2022-12-05', [['il y a trois jours', '2022-12-02', 'day', 'publication']]],
  ['Les combats ont repris il y a quelques jours.', '2022-12-05', []],
  ['Le sommet est prévu mi-mars 2023.', null, [['mi-mars 2023', '2023-03', 'month', 'explicit']]],
  ['La croissance reprendra mi-2023.', null, [['mi-2023', '2023', 'year', 'explicit']]],
  ['Il sera jugé courant mars.', '2022-12', [['courant mars', '2023-03', 'month', 'publication']]],
  ['Les troupes sont arrivées fin septembre.', '2022-12', [['fin septembre', '2022-09', 'month', 'publication']]],
  ['Le 14.09.2020, il a démissionné.', null, [['14.09.2020', '2020-09-14', 'day', 'explicit']]],
  ['Il est né le 9 September 2020.', null, [['9 September 2020', '2020-09-09', 'day', 'explicit']]],
  ['The meeting was on Sept. 9, 2020.', null, [['Sept. 9, 2020', '2020-09-09', 'day', 'explicit']]],
  ['Le texte de 2020 remplace celui de 1999.', null, [['2020', '2020', 'year', 'explicit'], ['1999', '1999', 'year', 'explicit']]],
  ['Le bilan: 2020 personnes évacuées.', null, []],
]);

table('the weekday settles the year of a day without one', [
  // 14 September is a Monday in 2020, a Tuesday in 2021: the doc date (2021-01) alone would say 2020 (past) or 2021
  ['La réunion aura lieu lundi 14 septembre.', '2021-01', [['lundi 14 septembre', '2020-09-14', 'day', 'publication']]],
  ['La réunion aura lieu mardi 14 septembre.', '2021-01', [['mardi 14 septembre', '2021-09-14', 'day', 'publication']]],
]);

table('offsets from the document date', [
  ['Le sommet aura lieu dans deux semaines.', '2022-12-05', [['dans deux semaines', '2022-W51', 'week', 'publication']]],
  ['Les élections se tiendront dans six mois.', '2022-12-05', [['dans six mois', '2023-06', 'month', 'publication']]],
  ['Il sera libéré dans 3 jours.', '2022-12', [['dans 3 jours', '2022-12', 'month', 'publication']]],
  ['Il reviendra dans les deux ans.', '2022-12', []],
  ['Environ 2000 Ukrainiens ont fui.', null, []],
]);

describe('invariants over random French-like text', async () => {
  const fc = await import('fast-check');
  const VALUE_RE = /^(\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-(SP|SU|FA|WI))?|\d{3}|\d{2})$/;
  const fragments = [
    'le', 'la', "l'", 'ce', 'cette', 'dans', 'depuis', 'en', 'il y a', 'lundi', 'jeudi', 'prochain', 'dernier', 'dernière', '9', '1er', '14',
    '2020', '1994', '2000', 'août', 'septembre', 'mars', 'Mars', 'été', 'a été', "l'automne", "d'ici", 'XIXe', 'siècle', 'années', '1990',
    'semaine', 'mois', "l'an", 'an', "aujourd'hui", 'hier', 'demain', 'veille', 'lendemain', 'nuit', 'de', 'à', 'soldats', 'personnes',
    'S-400', '28 accords', ',', '.', '/', '-', '2020-09-14', '14/09/2020', 'September 9, 2020', 'se rendra', 'a annoncé', 'mi-', 'fin', 'début',
  ];
  const text = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(' '));
  const published = fc.constantFrom(null, '2022-12', '2021-02-09', '2020');

  it('spans slice the text, do not overlap, and carry schema-valid values', () => {
    fc.assert(
      fc.property(text, published, (t, p) => {
        const found = tag(t, p);
        let lastEnd = -1;
        for (const m of found) {
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          lastEnd = m.end;
          if (m.value === null) expect([m.precision, m.basis]).toEqual([null, 'unresolved']);
          else expect(m.value).toMatch(VALUE_RE);
          if (p === null) expect(m.basis).not.toBe('publication');
        }
      }),
      { numRuns: 400 },
    );
  });
});

table('general rules from the held-out set', [
  ['Dans la nuit du 6 au 7 octobre, des combattants ont franchi la barrière.', '2023-10-12', [['Dans la nuit du 6 au 7 octobre', '2023-10-06', 'day', 'publication']]],
  ['Des tirs ont eu lieu dans la nuit du 31 décembre au 1er janvier 2024.', null, [['dans la nuit du 31 décembre au 1er janvier 2024', '2023-12-31', 'day', 'explicit']]],
  ['Il sera reçu en début de semaine prochaine.', '2024-03-14', [['début de semaine prochaine', '2024-W12', 'week', 'publication']]],
  ['Un bilan est attendu en fin de semaine.', '2024-02', [['fin de semaine', '2024-02', 'month', 'publication']]],
  ['Le vote aura lieu en milieu de semaine.', '2024-03-14', [['milieu de semaine', '2024-W11', 'week', 'publication']]],
  ['Les 7 et 8 octobre derniers, 1 200 personnes ont été tuées.', '2023-10-12', [['7', '2023-10-07', 'day', 'publication'], ['8 octobre derniers', '2023-10-08', 'day', 'publication']]],
  ['Le défilé du 14-Juillet et les cérémonies du 8-Mai.', '2024-03', [['14-Juillet', '2024-07-14', 'day', 'publication'], ['8-Mai', '2024-05-08', 'day', 'publication']]],
  ['La première semaine de juin, les prix ont baissé.', '2024-07', [['La première semaine de juin', '2024-06', 'month', 'publication']]],
  ['Les manifestations ont éclaté le 9 août 2020. La première semaine de contestation a été violente.', null, [
    ['9 août 2020', '2020-08-09', 'day', 'explicit'],
    ['La première semaine de contestation', '2020-08', 'month', 'context'],
  ]],
  // no document date: the year comes from the sentence before, else from the story's first dated mention
  ['Les militaires ont pris le pouvoir le 26 juillet 2023. La Cédéao avait menacé en août d’intervenir.', null, [
    ['26 juillet 2023', '2023-07-26', 'day', 'explicit'],
    ['août', '2023-08', 'month', 'context'],
  ]],
  ['Le report a été annoncé le 25 septembre 2023. Depuis 2012, le pays est en guerre. En décembre, la mission partira.', null, [
    ['25 septembre 2023', '2023-09-25', 'day', 'explicit'],
    ['2012', '2012', 'year', 'explicit'],
    ['décembre', '2023-12', 'month', 'context'],
  ]],
  // "depuis" looks back only at what it introduces
  ['Ils appellent à manifester le 23 mars, la neuvième journée depuis le 19 janvier.', '2023-03-16', [
    ['23 mars', '2023-03-23', 'day', 'publication'],
    ['19 janvier', '2023-01-19', 'day', 'publication'],
  ]],
  ['Depuis le 1er janvier, la Belgique préside le Conseil, jusqu’au 30 juin.', '2024-02', [
    ['1er janvier', '2024-01-01', 'day', 'publication'],
    ['30 juin', '2024-06-30', 'day', 'publication'],
  ]],
]);

table('years inside names and numbered texts are not dates', [
  ["L'Euro 2024 se tiendra en Allemagne.", null, []],
  ['La Vision 2030 saoudienne et le plan Made in China 2025.', null, []],
  ['Le décret 2024-12 et le vol 2020 ont été évoqués.', null, []],
  ['Présidentielle 2022 : Macron réélu.', null, [['2022', '2022', 'year', 'explicit']]],
  ['Les fêtes de Noël 2022 ont été calmes.', null, [['2022', '2022', 'year', 'explicit']]],
  ['La COP28, le G20, le Covid-19, l’A400M et l’article 49.3.', null, []],
  ['Les 27 pays membres, 1,5 million de réfugiés et 2 000 soldats.', null, []],
  ['Les deux délégations se retrouveront à 14h30.', '2024-03-14', []],
  ['Une réunion est prévue dans les prochains jours.', '2024-03-14', []],
]);
