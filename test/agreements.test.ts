import { describe, expect, it } from 'vitest';
import { extractAgreements } from '../pipeline/lib/extract/agreements.ts';
import { articleContext, type ArticleContext } from '../pipeline/lib/extract/context.ts';
import type { DateMention } from '../pipeline/lib/extract/types.ts';

function docOf(text: string, published: string | null = '2022-12'): ArticleContext {
  return articleContext('test', text, published);
}

const agreementsIn = (text: string, dates: DateMention[] = [], published: string | null = '2022-12') => extractAgreements(docOf(text, published), dates);

describe('extractAgreements: names and kinds', () => {
  it.each([
    ['La Russie et la Biélorussie ont signé 28 accords.', '28 accords', 'accord'],
    ['Les deux pays sont liés par un traité militaire.', 'traité militaire', 'treaty'],
    ['Le Kazakhstan est membre de l’Union eurasiatique.', 'Union eurasiatique', 'union'],
    ['Les deux voisins forment une union douanière.', 'union douanière', 'union'],
    ['Moscou a promis à Minsk un crédit de plusieurs milliards.', 'crédit de plusieurs milliards', 'loan'],
    ["La Russie et la Biélorussie ont annoncé la création d'une force militaire commune.", 'force militaire commune', 'joint_force'],
    ['Paris et Rome ont lancé un programme de coopération spatiale.', 'programme de coopération spatiale', 'programme'],
    ["L'accord de Minsk, signé en 2015, n'a jamais été appliqué.", 'accord de Minsk', 'accord'],
    ['Le traité New Start expire en 2026.', 'traité New Start', 'treaty'],
    ['Les belligérants ont conclu un cessez-le-feu de 72 heures.', 'cessez-le-feu de 72 heures', 'accord'],
    ["La Russie a suspendu sa participation à l'accord céréalier.", 'accord céréalier', 'accord'],
    ['Les deux pays ont conclu de nouveaux accords de coopération dans le domaine militaire.', 'nouveaux accords de coopération', 'accord'],
  ])('%s → %s (%s)', (sentence, name, kind) => {
    const [agreement] = agreementsIn(sentence);
    expect(agreement).toMatchObject({ name, kind });
  });

  it.each([
    'Les deux dirigeants sont tombés d’accord sur ce point.',
    'Je suis tout à fait d’accord avec vous.',
    "L'Union européenne a adopté des sanctions.",
    'Il a obtenu un crédit d’impôt.',
    'Le pays est prêt à négocier.',
    'Aucun accord n’a été trouvé.',
    'Aucune signature d’accord n’était prévue.',
    'Certaines règles en matière de crédit seront harmonisées.',
    "Si un accord était signé, les prix baisseraient.",
    'Des milliers de personnes ont défilé pour réclamer un cessez-le-feu immédiat.',
    'Les négociations porteront sur le « partenariat stratégique » entre les deux pays.',
  ])('no agreement in %s', (sentence) => {
    expect(agreementsIn(sentence)).toEqual([]);
  });
});

describe('extractAgreements: status', () => {
  it.each([
    ['La Russie et la Biélorussie ont signé un accord gazier.', 'signed'],
    ['Les deux pays ont conclu un accord de libre-échange.', 'signed'],
    ['Le président a annoncé un accord avec la Chine.', 'signed'],
    ['La Russie et le Bélarus négocient un accord commercial.', 'negotiating'],
    ["La Biélorussie et la Russie ont annoncé la création d'une force militaire commune.", 'planned'],
    ['Moscou a promis un crédit à Minsk.', 'planned'],
    ['La Turquie et la Grèce signeront un traité de paix.', 'planned'],
    ['Les deux pays sont liés par un traité militaire.', 'in_force'],
    ["L'accord de coopération est en vigueur depuis 2015.", 'in_force'],
    ["Il rejetait l'idée d'un approfondissement de l'union entre les deux pays.", 'rejected'],
    ['Le Parlement a rejeté le traité commercial.', 'rejected'],
    ["La France et l'Allemagne travaillent à un accord sur les prix de l'électricité.", 'negotiating'],
    ["Le traité d'amitié signé en 1994 reste en vigueur.", 'in_force'],
    ['Israël et le Liban ont accepté un accord de cessez-le-feu négocié par les États-Unis.', 'signed'],
    ["La Hongrie a bloqué l'enveloppe de 50 milliards d'euros destinée à Kiev.", 'rejected'],
    ['Le cessez-le-feu entrera en vigueur lundi.', 'signed'],
    ['Paris et New Delhi ont signé un partenariat stratégique.', 'signed'],
    ["Les deux pays avancent vers un accord commercial.", 'negotiating'],
    ["Le FMI a accordé un prêt de 3 milliards de dollars à l'Égypte.", 'signed'],
  ])('%s → %s', (sentence, status) => {
    expect(agreementsIn(sentence)[0]?.status).toBe(status);
  });

  it('inherits count and status when a demonstrative repeats an agreement with new facts', () => {
    const text = 'Les deux présidents ont célébré la signature de 28 accords. Ces accords portent sur l’énergie et l’agriculture.';
    const records = agreementsIn(text);
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ count: 28, status: 'signed', domains: ['energy', 'agriculture'] });
  });

  it('skips a demonstrative repeat without new facts', () => {
    const text = 'Les deux pays ont signé un accord. Cet accord a été salué.';
    expect(agreementsIn(text)).toHaveLength(1);
  });
});

describe('extractAgreements: parties, domains, dates, offsets', () => {
  it('names the parties and fills in the two main actors for `les deux pays`', () => {
    const text = 'La Russie et la Biélorussie se rapprochent. Les deux pays ont signé un traité militaire.';
    expect(agreementsIn(text)[0].parties.sort()).toEqual(['BLR', 'RUS']);
  });

  it('does not count who takes part in the talks as a party (`avec la participation de l’UE`)', () => {
    const text = "La Russie et l'Ukraine ont signé un protocole sur le transit gazier avec la participation de l'Union européenne.";
    expect(agreementsIn(text)[0].parties.sort()).toEqual(['RUS', 'UKR']);
    const via = "Le Maroc et l'Espagne ont conclu un accord de pêche par l'entremise de la France.";
    expect(agreementsIn(via)[0].parties.sort()).toEqual(['ESP', 'MAR']);
  });

  it('gives a membership the members named before it, not the other body nor later actors', () => {
    const text = "La Lituanie et l'Estonie, membres de l'Union européenne et de l'Otan, s'inquiètent depuis que la Russie a envahi l'Ukraine.";
    const records = agreementsIn(text);
    expect(records.map((r) => r.parties.sort())).toEqual([['EST', 'LTU'], ['EST', 'LTU']]);
  });

  it('does not take the city an agreement is named after for a party (`accords de Minsk`)', () => {
    expect(agreementsIn("La Russie et l'Ukraine ont signé les accords de Minsk en 2015.")[0].parties.sort()).toEqual(['RUS', 'UKR']);
  });

  it('takes the parties a name pairs, even one without a code (`entre l’UE et le Mercosur`)', () => {
    expect(agreementsIn("La France s'oppose au projet d'accord commercial entre l'UE et le Mercosur.")[0].parties).toEqual(['EU']);
  });

  it('takes a bloc after `à` for who is addressed, not a place (`confiance à l’Occident`)', () => {
    expect(agreementsIn("La Russie ne fait plus confiance à l'Occident, qui a rompu les accords sur le transit.")[0].parties.sort()).toEqual(['RUS', 'WEST']);
  });

  it('gives `cet accord` the parties of the agreement just told, not the other actors of its sentence', () => {
    const text = "Israël et le Liban ont conclu un accord de cessez-le-feu. L'annonce de cet accord est intervenue après que l'Iran a menacé Israël.";
    const records = agreementsIn(text);
    expect(records.map((r) => r.parties.sort())).toEqual(records.map(() => ['ISR', 'LBN']));
    expect(records.length).toBe(2);
  });

  it('takes the list of countries the story keeps naming for the parties a sentence leaves out', () => {
    const text = "Le Niger, le Mali et le Burkina Faso se sont réunis samedi. Le Niger, le Mali et le Burkina Faso veulent aller plus loin. Ils ont signé un traité de défense.";
    const [treaty] = agreementsIn(text);
    expect(treaty.parties.sort()).toEqual(['BFA', 'MLI', 'NER']);
  });

  it('gives each agreement of a sentence its own domains', () => {
    const text = 'Le Bélarus est économiquement dépendant de la Russie et les deux voisins sont liés par un traité militaire, une union douanière et l’Union eurasiatique.';
    const records = agreementsIn(text);
    expect(records.map((r) => [r.name, r.domains])).toEqual([
      ['traité militaire', ['defense']],
      ['union douanière', ['customs', 'trade']],
      ['Union eurasiatique', ['economy']],
    ]);
    expect(records.every((r) => r.status === 'in_force')).toBe(true);
  });

  it('dates a signed agreement by its clause, an existing one by `depuis`', () => {
    const text = 'Mi-octobre, les deux pays avaient signé un accord énergétique.';
    const mi = text.indexOf('Mi-octobre');
    const [signed] = agreementsIn(text, [{ text: 'Mi-octobre', value: '2022-10', precision: 'month', basis: 'publication', start: mi, end: mi + 10 }]);
    expect(signed).toMatchObject({ date: '2022-10', precision: 'month' });
    const union = "Le Kremlin évoque l'Union russo-biélorusse, qui rassemble les deux pays depuis 1999.";
    const y = union.indexOf('1999');
    const [inForce] = agreementsIn(union, [{ text: '1999', value: '1999', precision: 'year', basis: 'explicit', start: y, end: y + 4 }]);
    expect(inForce).toMatchObject({ name: 'Union russo-biélorusse', status: 'in_force', date: '1999', parties: ['RUS', 'BLR'] });
  });

  it('leaves negotiating and existing agreements undated without an explicit date', () => {
    expect(agreementsIn('La Russie et le Bélarus négocient un accord commercial.')[0]).toMatchObject({ date: null, precision: null });
  });

  it('returns spans that slice back to name and evidence', () => {
    const text = 'Titre.\nLa Russie et la Biélorussie ont signé 28 accords économiques.';
    const [a] = agreementsIn(text);
    expect(text.slice(a.start, a.end)).toBe(a.name);
    expect(text.slice(a.evidence_start, a.evidence_end)).toBe(a.evidence);
    expect(a.count).toBe(28);
  });
});

describe('the words of the rule files', () => {
  // the domains an agreement's own words give (rules/agreements/domains.jsonl)
  const domainsOf = (phrase: string) => agreementsIn(`Les deux pays ont signé un accord ${phrase}.`)[0]?.domains;

  it.each([
    ['en matière d’imposition et de crédit', ['tax', 'finance']],
    ['sur l’énergie, l’agriculture et l’industrie', ['energy', 'agriculture', 'industry']],
    ['de stratégie macroéconomique', ['economy']],
    ['de défense et de sécurité', ['defense', 'security']],
    ['de libre-échange', ['trade']],
    ['sur les échanges commerciaux', ['trade']],
    ['sur le nucléaire civil', ['energy']],
    ['sur les douanes', ['customs', 'trade']],
  ])('domains of an accord %s', (phrase, domains) => {
    expect(domainsOf(phrase)).toEqual(domains);
  });

  it.each([
    ['La Russie et la Biélorussie ont signé 28 accords.', 28],
    ['Les deux pays ont signé trois traités.', 3],
    ['Les deux pays ont signé des accords.', null],
  ])('count of %s', (sentence, count) => {
    expect(agreementsIn(sentence)[0].count).toBe(count);
  });

  it.each([
    ['Le traité reste en vigueur.', 'in_force'],
    ['Ce geste signifie que le traité militaire tient toujours, dans le cadre de l’alliance.', 'in_force'],
    ['L’union douanière existe depuis 2015.', 'in_force'],
    ['Les deux pays s’engagent à un accord commercial.', 'planned'],
    ['La prochaine signature du traité est prévue.', 'planned'],
    ['Un accord commercial est en discussion.', 'negotiating'],
    ['Les deux pays se sont retirés du traité.', 'rejected'],
    ['Signé en 2016, le traité a été validé.', 'signed'],
  ])('status of %s', (sentence, status) => {
    expect(agreementsIn(sentence, [], null)[0]?.status).toBe(status);
  });
});

describe('extractAgreements on long articles', () => {
  // cost growth with length is measured by `make bench-extractors`, not by a timed test
  it('finds every repeated agreement in a long article', () => {
    const paragraph = "La Russie et la Biélorussie ont signé 28 accords économiques le 4 novembre. L'Union douanière reste en vigueur, selon Moscou. Minsk négocie un crédit de plusieurs milliards.";
    const count = (reps: number) => extractAgreements(docOf(Array(reps).fill(paragraph).join('\n\n')), []).length;
    const small = count(200);
    expect(small).toBeGreaterThan(0);
    expect(count(800)).toBe(4 * small);
  });
});
