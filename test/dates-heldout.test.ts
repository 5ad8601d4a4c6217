// Held-out dev set for the dates extractor: wire-style paragraphs on other countries and topics than
// the seeds, annotated by hand per the annotation guidelines §1 (not per what the code does). Each
// case lists every expected temporal expression in text order: [text, value, precision, basis].
import { afterAll, describe, expect, it } from 'vitest';
import { extractDates } from '../pipeline/lib/extract/dates.ts';
import type { DateMention } from '../pipeline/lib/extract/types.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';

type Expected = [text: string, value: string | null, precision: string | null, basis: string];
interface Case {
  id: string;
  published: string | null;
  text: string;
  dates: Expected[];
}

const CASES: Case[] = [
  {
    id: 'ukraine-afp-dateline',
    published: '2023-03-15',
    text:
      "KIEV, 15 mars 2023 (AFP) - Au moins trois civils ont été tués mardi soir dans une frappe de drones russes sur la région de Kharkiv, ont annoncé les autorités ukrainiennes. Selon le gouverneur régional, l'attaque a eu lieu vers 23h30. Depuis le 24 février 2022, plus de 2 000 soldats ukrainiens ont été formés en France, a rappelé le ministère. Le président Volodymyr Zelensky doit se rendre à Bruxelles la semaine prochaine pour un sommet des 27 pays membres de l'UE. Kiev réclame depuis des mois des avions de combat.",
    dates: [
      ['15 mars 2023', '2023-03-15', 'day', 'explicit'],
      ['mardi', '2023-03-14', 'day', 'publication'],
      ['24 février 2022', '2022-02-24', 'day', 'explicit'],
      ['la semaine prochaine', '2023-W12', 'week', 'publication'],
    ],
  },
  {
    id: 'eu-lemonde-top-jobs',
    published: '2024-06',
    text:
      "Les Vingt-Sept se sont entendus jeudi 27 juin sur la répartition des postes clés de l'Union européenne, lors d'un sommet à Bruxelles. Le Conseil européen avait déjà tenté un accord le 17 juin, sans succès. La présidente de la Commission, Ursula von der Leyen, en poste depuis 2019, devra encore obtenir l'aval du Parlement européen à la mi-juillet. Les élections européennes, organisées du 6 au 9 juin, ont vu une poussée de l'extrême droite. Le nouveau collège devrait entrer en fonctions à l'automne, au plus tôt le 1er novembre.",
    dates: [
      ['jeudi 27 juin', '2024-06-27', 'day', 'publication'],
      ['17 juin', '2024-06-17', 'day', 'publication'],
      ['2019', '2019', 'year', 'explicit'],
      ['mi-juillet', '2024-07', 'month', 'publication'],
      ['6', '2024-06-06', 'day', 'publication'],
      ['9 juin', '2024-06-09', 'day', 'publication'],
      ["l'automne", '2024-FA', 'season', 'publication'],
      ['1er novembre', '2024-11-01', 'day', 'publication'],
    ],
  },
  {
    id: 'israel-rfi-night',
    published: '2023-10-09',
    text:
      "Israël a déclaré la guerre au Hamas après l'attaque sans précédent lancée samedi 7 octobre par le mouvement islamiste depuis la bande de Gaza. Dans la nuit de dimanche à lundi, l'armée israélienne a mené des dizaines de frappes. Le Premier ministre Benyamin Netanyahou a promis dimanche une « longue et difficile » guerre. C'est l'attaque la plus meurtrière depuis la guerre du Kippour de 1973, il y a cinquante ans presque jour pour jour. Le Conseil de sécurité de l'ONU s'est réuni en urgence dimanche soir à New York. Une nouvelle réunion est prévue dans les prochains jours.",
    dates: [
      ['samedi 7 octobre', '2023-10-07', 'day', 'publication'],
      ['Dans la nuit de dimanche à lundi', '2023-10-08', 'day', 'publication'],
      ['dimanche', '2023-10-08', 'day', 'publication'],
      ['1973', '1973', 'year', 'explicit'],
      ['il y a cinquante ans', '1973', 'year', 'publication'],
      ['dimanche', '2023-10-08', 'day', 'publication'],
    ],
  },
  {
    id: 'niger-no-document-date',
    published: null,
    text:
      "Le chef de la junte au pouvoir au Niger, le général Abdourahamane Tiani, a annoncé mercredi une transition de trois ans au maximum. Les militaires ont renversé le président Mohamed Bazoum le 26 juillet 2023. La Communauté économique des États de l'Afrique de l'Ouest (Cédéao) avait menacé en août d'intervenir militairement. Le pays, qui compte plus de 25 millions d'habitants, est frappé par des attaques jihadistes depuis 2015. Entre 2014 et 2016, la région a connu plusieurs coups de force, et le Mali voisin a vécu deux putschs en 2020-2021.",
    dates: [
      ['mercredi', null, null, 'unresolved'],
      ['26 juillet 2023', '2023-07-26', 'day', 'explicit'],
      ['août', '2023-08', 'month', 'context'],
      ['2015', '2015', 'year', 'explicit'],
      ['2014', '2014', 'year', 'explicit'],
      ['2016', '2016', 'year', 'explicit'],
      ['2020', '2020', 'year', 'explicit'],
      ['2021', '2021', 'year', 'explicit'],
    ],
  },
  {
    id: 'china-us-20minutes',
    published: '2023-11-15',
    text:
      "Le président américain Joe Biden recevra mercredi son homologue chinois Xi Jinping en marge du sommet de l'APEC à San Francisco, leur première rencontre depuis le G20 de Bali en novembre 2022. Les deux dirigeants devraient évoquer Taïwan, où une élection présidentielle est prévue le 13 janvier. Washington a imposé le mois dernier de nouvelles restrictions sur l'exportation de puces. « Nous ne cherchons pas le découplage », a déclaré cette semaine la secrétaire au Trésor Janet Yellen. Pékin vise la neutralité carbone d'ici 2060, et le plan Made in China 2025 reste un sujet de friction. À 14h30, heure locale, les deux délégations se retrouveront.",
    dates: [
      ['mercredi', '2023-11-15', 'day', 'publication'],
      ['novembre 2022', '2022-11', 'month', 'explicit'],
      ['13 janvier', '2024-01-13', 'day', 'publication'],
      ['le mois dernier', '2023-10', 'month', 'publication'],
      ['cette semaine', '2023-W46', 'week', 'publication'],
      ['2060', '2060', 'year', 'explicit'],
    ],
  },
  {
    id: 'france-retraites-liberation',
    published: '2023-03-16',
    text:
      "La Première ministre Élisabeth Borne a engagé jeudi la responsabilité de son gouvernement en recourant à l'article 49.3 de la Constitution pour faire adopter la réforme des retraites. C'est la onzième fois depuis l'automne dernier. Les syndicats appellent à une nouvelle journée de mobilisation le 23 mars, la neuvième depuis le 19 janvier. La réforme, qui repousse l'âge légal de départ de 62 à 64 ans, doit entrer en vigueur le 1er septembre. Emmanuel Macron, réélu en 2022, avait promis cette réforme lors de sa campagne. Le texte avait été présenté en conseil des ministres début janvier.",
    dates: [
      ['jeudi', '2023-03-16', 'day', 'publication'],
      ["l'automne dernier", '2022-FA', 'season', 'publication'],
      ['23 mars', '2023-03-23', 'day', 'publication'],
      ['19 janvier', '2023-01-19', 'day', 'publication'],
      ['1er septembre', '2023-09-01', 'day', 'publication'],
      ['2022', '2022', 'year', 'explicit'],
      ['début janvier', '2023-01', 'month', 'publication'],
    ],
  },
  {
    id: 'belgium-farmers-belga',
    published: '2024-02',
    text:
      "Les agriculteurs belges ont de nouveau bloqué plusieurs axes routiers ce week-end, au lendemain d'une manifestation à Bruxelles. Le Premier ministre Alexander De Croo rencontrera les représentants du secteur en début de semaine prochaine. Fin février, les ministres européens de l'Agriculture se réuniront pour examiner la politique agricole commune (PAC) 2023-2027. La mobilisation avait commencé en janvier en France et en Allemagne. Depuis le 1er janvier, la Belgique assure la présidence tournante du Conseil de l'UE, jusqu'au 30 juin.",
    dates: [
      ['ce week-end', '2024-02', 'month', 'publication'],
      ['début de semaine prochaine', '2024-02', 'month', 'publication'],
      ['Fin février', '2024-02', 'month', 'publication'],
      ['2023', '2023', 'year', 'explicit'],
      ['2027', '2027', 'year', 'explicit'],
      ['janvier', '2024-01', 'month', 'publication'],
      ['1er janvier', '2024-01-01', 'day', 'publication'],
      ['30 juin', '2024-06-30', 'day', 'publication'],
    ],
  },
  {
    id: 'russia-mobilisation-figaro',
    published: '2022-09-21',
    text:
      "Vladimir Poutine a annoncé ce mercredi matin une « mobilisation partielle » des réservistes, sept mois après le début de l'invasion de l'Ukraine. Cette annonce intervient alors que l'armée ukrainienne a repris début septembre une large partie de la région de Kharkiv. Des référendums d'annexion doivent se tenir du 23 au 27 septembre dans quatre régions occupées. L'hiver dernier, Moscou avait massé plus de 100 000 hommes à la frontière. Le Kremlin avait déjà menacé l'Occident il y a deux semaines. Le rouble, qui avait chuté au printemps, s'est depuis redressé. Les Occidentaux ont livré des lance-roquettes Himars depuis juin. La Russie organisera en 2024 une présidentielle.",
    dates: [
      ['ce mercredi', '2022-09-21', 'day', 'publication'],
      ['début septembre', '2022-09', 'month', 'publication'],
      ['23', '2022-09-23', 'day', 'publication'],
      ['27 septembre', '2022-09-27', 'day', 'publication'],
      ["L'hiver dernier", '2021-WI', 'season', 'publication'],
      ['il y a deux semaines', '2022-W36', 'week', 'publication'],
      ['printemps', '2022-SP', 'season', 'publication'],
      ['juin', '2022-06', 'month', 'publication'],
      ['2024', '2024', 'year', 'explicit'],
    ],
  },
  {
    id: 'names-and-english-tweet',
    published: null,
    text:
      "Le secrétaire d'État américain Antony Blinken a salué l'accord sur Twitter : « Today's agreement is a step forward » (March 3, 2022). La Turquie, membre de l'OTAN depuis 1952, joue les médiateurs. L'Euro 2024 de football se tiendra en Allemagne, et la Vision 2030 saoudienne prévoit des investissements massifs. Le Covid-19 avait paralysé les négociations en 2020. La COP28, organisée à Dubaï du 30 novembre au 12 décembre 2023, a réuni près de 200 pays. L'Airbus A400M a été livré à 14 pays.",
    dates: [
      ['March 3, 2022', '2022-03-03', 'day', 'explicit'],
      ['1952', '1952', 'year', 'explicit'],
      ['2020', '2020', 'year', 'explicit'],
      ['30 novembre', '2023-11-30', 'day', 'context'],
      ['12 décembre 2023', '2023-12-12', 'day', 'explicit'],
    ],
  },
  {
    id: 'us-election-20minutes',
    published: '2024-11-06',
    text:
      "Donald Trump a remporté l'élection présidentielle américaine de mardi, quatre ans après sa défaite face à Joe Biden en 2020. Il prêtera serment le 20 janvier prochain. Dans la matinée de mercredi, il s'est exprimé devant ses partisans en Floride. Le 5 novembre, plus de 140 millions d'Américains ont voté. Kamala Harris, qui avait remplacé Joe Biden l'été dernier dans la course, doit s'exprimer dans la journée. Les marchés ont bondi de 3,5 % à l'ouverture de Wall Street. Trump avait déjà été élu en 2016 pour un mandat de quatre ans.",
    dates: [
      ['mardi', '2024-11-05', 'day', 'publication'],
      ['2020', '2020', 'year', 'explicit'],
      ['20 janvier prochain', '2025-01-20', 'day', 'publication'],
      ['mercredi', '2024-11-06', 'day', 'publication'],
      ['5 novembre', '2024-11-05', 'day', 'publication'],
      ["l'été dernier", '2024-SU', 'season', 'publication'],
      ['2016', '2016', 'year', 'explicit'],
    ],
  },
  {
    id: 'iran-liberation',
    published: '2023-01',
    text:
      "Téhéran a exécuté samedi un ancien vice-ministre irano-britannique, Alireza Akbari, a annoncé l'agence officielle Irna. Londres a convoqué le chargé d'affaires iranien dans la foulée. Depuis le début des manifestations à la mi-septembre, déclenchées par la mort de Mahsa Amini le 16 septembre 2022, au moins 481 personnes ont été tuées, selon l'ONG IHR. Quatre manifestants ont été exécutés depuis décembre. L'accord sur le nucléaire de 2015, que Washington a quitté en 2018, est moribond. Les discussions pourraient reprendre au printemps, selon un diplomate, qui évoque la date du 15 mars.",
    dates: [
      ['samedi', '2023-01', 'month', 'publication'],
      ['mi-septembre', '2022-09', 'month', 'context'],
      ['16 septembre 2022', '2022-09-16', 'day', 'explicit'],
      ['décembre', '2022-12', 'month', 'publication'],
      ['2015', '2015', 'year', 'explicit'],
      ['2018', '2018', 'year', 'explicit'],
      ['printemps', '2023-SP', 'season', 'publication'],
      ['15 mars', '2023-03-15', 'day', 'publication'],
    ],
  },
  {
    id: 'france-budget-afp',
    published: '2025-07-10',
    text:
      "Paris, le 10 juillet 2025 (AFP) - Le gouvernement a présenté jeudi son plan de redressement des finances publiques, après six mois de croissance quasi nulle. Le déficit avait atteint 5,8 % du PIB l'année dernière, contre 5,5 % prévu. Bercy table sur un retour sous les 3 % en 2029. Le ministre avait déjà alerté le 3 mars dernier, puis à la mi-juin devant le Sénat. Les discussions reprendront cet été, avant un vote au Parlement le mois prochain. Le week-end dernier, des milliers de personnes ont manifesté. Cette année, la dette devrait dépasser 3 300 milliards d'euros, comme en 2020-2021 lors de la crise sanitaire.",
    dates: [
      ['10 juillet 2025', '2025-07-10', 'day', 'explicit'],
      ['jeudi', '2025-07-10', 'day', 'publication'],
      ["l'année dernière", '2024', 'year', 'publication'],
      ['2029', '2029', 'year', 'explicit'],
      ['3 mars dernier', '2025-03-03', 'day', 'publication'],
      ['mi-juin', '2025-06', 'month', 'publication'],
      ['cet été', '2025-SU', 'season', 'publication'],
      ['le mois prochain', '2025-08', 'month', 'publication'],
      ['Le week-end dernier', '2025-W27', 'week', 'publication'],
      ['Cette année', '2025', 'year', 'publication'],
      ['2020', '2020', 'year', 'explicit'],
      ['2021', '2021', 'year', 'explicit'],
    ],
  },
  // second round, written after the first fixes, to check they generalise
  {
    id: 'gaza-night-of-dates',
    published: '2023-10-12',
    text:
      "Dans la nuit du 6 au 7 octobre, des centaines de combattants du Hamas ont franchi la barrière de sécurité. Les frappes israéliennes se sont intensifiées depuis, et un nouveau bilan est attendu en fin de semaine. Le secrétaire d'État américain Antony Blinken est arrivé jeudi matin à Tel-Aviv, après une escale à Amman. Les 7 et 8 octobre derniers, plus de 1 200 personnes ont été tuées en Israël, selon les autorités. La dernière guerre d'ampleur à Gaza remontait à mai 2021. Une conférence internationale pourrait se tenir d'ici à la fin du mois.",
    dates: [
      ['Dans la nuit du 6 au 7 octobre', '2023-10-06', 'day', 'publication'],
      ['fin de semaine', '2023-W41', 'week', 'publication'],
      ['jeudi', '2023-10-12', 'day', 'publication'],
      ['7', '2023-10-07', 'day', 'publication'],
      ['8 octobre derniers', '2023-10-08', 'day', 'publication'],
      ['mai 2021', '2021-05', 'month', 'explicit'],
      ['fin du mois', '2023-10', 'month', 'publication'],
    ],
  },
  {
    id: 'mali-no-document-date',
    published: null,
    text:
      "BAMAKO (AFP) - La junte malienne a annoncé lundi 25 septembre le report de l'élection présidentielle prévue en février 2024, invoquant des « raisons techniques ». Le premier tour devait se tenir le 4 février et le second le 18 février. Les militaires avaient pris le pouvoir par la force en août 2020, puis de nouveau en mai 2021. Depuis 2012, le pays est confronté à des violences jihadistes qui ont fait des milliers de morts. En décembre, la mission de l'ONU (Minusma) devra avoir quitté le pays.",
    dates: [
      ['lundi 25 septembre', '2023-09-25', 'day', 'context'],
      ['février 2024', '2024-02', 'month', 'explicit'],
      ['4 février', '2024-02-04', 'day', 'context'],
      ['18 février', '2024-02-18', 'day', 'context'],
      ['août 2020', '2020-08', 'month', 'explicit'],
      ['mai 2021', '2021-05', 'month', 'explicit'],
      ['2012', '2012', 'year', 'explicit'],
      ['décembre', '2023-12', 'month', 'context'],
    ],
  },
  {
    id: 'uk-election-lemonde',
    published: '2024-07-05',
    text:
      "Le Parti travailliste a remporté une victoire écrasante lors des élections législatives de jeudi au Royaume-Uni, mettant fin à quatorze ans de gouvernements conservateurs. Keir Starmer a été nommé Premier ministre par le roi Charles III vendredi en fin de matinée. Rishi Sunak avait convoqué ce scrutin anticipé le 22 mai, à la surprise générale. Le Brexit, effectif depuis le 31 janvier 2020, n'a pas été remis en cause pendant la campagne. Le nouveau gouvernement présentera son programme lors du discours du roi, le 17 juillet. Les conservateurs dirigeaient le pays depuis mai 2010.",
    dates: [
      ['jeudi', '2024-07-04', 'day', 'publication'],
      ['vendredi', '2024-07-05', 'day', 'publication'],
      ['22 mai', '2024-05-22', 'day', 'publication'],
      ['31 janvier 2020', '2020-01-31', 'day', 'explicit'],
      ['17 juillet', '2024-07-17', 'day', 'publication'],
      ['mai 2010', '2010-05', 'month', 'explicit'],
    ],
  },
  {
    id: 'taiwan-drills-english-post',
    published: '2024-05',
    text:
      "Pékin a lancé jeudi et vendredi des manœuvres militaires de grande ampleur autour de Taïwan, baptisées « Joint Sword-2024A », trois jours après l'investiture du nouveau président Lai Ching-te, le 20 mai. Sur X, le département d'État a écrit : « We urge restraint » (May 23, 2024). Les exercices mobilisent 111 avions et 46 navires, selon Taipei. La précédente série de manœuvres remontait à avril 2023. L'île de 23 millions d'habitants organise des élections tous les quatre ans ; la prochaine présidentielle aura lieu en janvier 2028.",
    dates: [
      ['jeudi', '2024-05', 'month', 'publication'],
      ['vendredi', '2024-05', 'month', 'publication'],
      ['20 mai', '2024-05-20', 'day', 'publication'],
      ['May 23, 2024', '2024-05-23', 'day', 'explicit'],
      ['avril 2023', '2023-04', 'month', 'explicit'],
      ['janvier 2028', '2028-01', 'month', 'explicit'],
    ],
  },
];

function tag(c: Case): DateMention[] {
  const precision = c.published === null ? null : c.published.length === 4 ? 'year' : c.published.length === 7 ? 'month' : 'day';
  void precision;
  return extractDates(articleContext(c.id, c.text, c.published));
}
const brief = (m: DateMention): Expected => [m.text, m.value, m.precision, m.basis];

// Scorer-like totals (a found span matches an expected one when either contains the other).
const norm = (s: string) => s.toLowerCase().replace(/’/g, "'");
const totals = { gold: 0, pred: 0, tp: 0, valueOk: 0 };

describe('dates: held-out wire paragraphs', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const found = tag(c);
    const used = new Set<number>();
    totals.gold += c.dates.length;
    totals.pred += found.length;
    for (const g of c.dates) {
      const j = found.findIndex((f, k) => !used.has(k) && (norm(f.text).includes(norm(g[0])) || norm(g[0]).includes(norm(f.text))));
      if (j < 0) continue;
      used.add(j);
      totals.tp++;
      if (found[j].value === g[1]) totals.valueOk++;
    }
    for (const m of found) expect(c.text.slice(m.start, m.end)).toBe(m.text);
    expect(found.map(brief)).toEqual(c.dates);
  });
  afterAll(() => {
    const p = totals.pred ? totals.tp / totals.pred : 0;
    const r = totals.gold ? totals.tp / totals.gold : 0;
    console.log(`held-out dates: gold ${totals.gold} pred ${totals.pred} tp ${totals.tp} P ${p.toFixed(3)} R ${r.toFixed(3)} value_ok ${totals.valueOk}`);
  });
});
