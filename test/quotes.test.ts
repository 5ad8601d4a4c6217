import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityIdFor, entityMentions } from '../pipeline/lib/extract/entities.ts';
import { extractQuotes, quoteMarkProblems } from '../pipeline/lib/extract/quotes.ts';
import type { DateMention } from '../pipeline/lib/extract/types.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';

const doc = (text: string) => articleContext('test', text, '2022-12');
const quotesOf = (text: string, dates: DateMention[] = []) => extractQuotes(doc(text), dates);
const brief = (text: string) => quotesOf(text).map((q) => ({ text: q.text, speaker: q.speaker, cue: q.cue }));
const quotedTexts = (text: string) => buildDoc(text).quotes.map((s) => text.slice(s.start, s.end));

describe('quotation marks', () => {
  it.each([
    ['guillemets with no-break spaces', 'Il a dit : «\u00a0Nous viendrons\u00a0».', ['Nous viendrons']],
    ['guillemets with narrow no-break spaces', 'Il a dit : «\u202fNous viendrons\u202f».', ['Nous viendrons']],
    ['guillemets without spaces', 'Il a dit : «Nous viendrons».', ['Nous viendrons']],
    ['English curly quotes', 'Il a dit : “Nous viendrons”.', ['Nous viendrons']],
    ['German low-high quotes', 'Il a dit : „Nous viendrons“.', ['Nous viendrons']],
    ['straight quotes', 'Il a dit : "Nous viendrons".', ['Nous viendrons']],
    ['single angle quotes', 'Il a dit : ‹ Nous viendrons ›.', ['Nous viendrons']],
    ['opening and closing styles differ', 'Il a dit : « Nous viendrons ”.', ['Nous viendrons']],
    ['straight opening, guillemet closing', 'Il a dit : "Nous viendrons ».', ['Nous viendrons']],
    ['two quotes in one sentence', 'Les « questions clés » du « partenariat ».', ['questions clés', 'partenariat']],
    ['nested quotes stay inside the outer one', '« Il m’a dit “jamais” hier », a-t-il raconté.', ['Il m’a dit “jamais” hier']],
    ['nested straight quotes inside guillemets', '« Le mot "paix" revient », a-t-il noté.', ['Le mot "paix" revient']],
    ['a sentence end inside the quote', '"Pas intérêt. Cela n\'a pas de sens", a-t-il dit.', ['Pas intérêt. Cela n\'a pas de sens']],
  ])('%s', (_name, text, expected) => {
    expect(quotedTexts(text)).toEqual(expected);
  });

  it('continues a quotation over paragraphs that open with « (French typography)', () => {
    const text = '« Nous allons continuer.\n\n« Et nous gagnerons », a déclaré le ministre.';
    expect(quotedTexts(text)).toEqual(['Nous allons continuer.\n\n« Et nous gagnerons']);
  });

  it('continues a quotation over paragraphs that open with »', () => {
    const text = '« Nous allons continuer.\n» Et nous gagnerons », a-t-il dit.';
    expect(quotedTexts(text)).toEqual(['Nous allons continuer.\n» Et nous gagnerons']);
  });

  it.each([
    ['an unclosed guillemet', '« Nous ne céderons pas, a déclaré le ministre.\n\nLa suite du texte.'],
    ['a stray closing guillemet', 'Nous ne céderons pas », a déclaré le ministre.'],
    ['an unclosed straight quote', 'Il a dit "jamais et il est parti.'],
  ])('reports and skips %s without a runaway span', (_name, text) => {
    const scan = buildDoc(text);
    expect(scan.quotes).toEqual([]);
    expect(scan.quoteProblems.length).toBeGreaterThan(0);
    expect(quoteMarkProblems(text).length).toBeGreaterThan(0);
    expect(quotesOf(text)).toEqual([]);
  });

  it('recovers after an unbalanced paragraph', () => {
    const text = '« Nous ne céderons pas, a déclaré le ministre.\n\n« Nous viendrons », a déclaré Emmanuel Macron.';
    expect(brief(text)).toEqual([{ text: 'Nous viendrons', speaker: 'Emmanuel Macron', cue: 'déclarer' }]);
  });

  it('keeps offsets exact: text.slice(start, end) is the quote text', () => {
    const text = 'Vladimir Poutine a déclaré : «\u00a0Nous avons l’intention de résister\u00a0». « Oui », a-t-il ajouté.';
    for (const q of quotesOf(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('speakers: reporting verb after the quote', () => {
  it.each([
    ['« Nous ne reculerons pas », a déclaré Emmanuel Macron.', 'Emmanuel Macron', 'déclarer'],
    ['« Nous ne reculerons pas » a déclaré Emmanuel Macron.', 'Emmanuel Macron', 'déclarer'],
    ['« La paix est possible », estime Olaf Scholz.', 'Olaf Scholz', 'estimer'],
    ['« La paix est possible », a encore souligné Olaf Scholz lors d’une conférence.', 'Olaf Scholz', 'souligner'],
    ['« La paix est possible », a lancé pour sa part Olaf Scholz.', 'Olaf Scholz', 'lancer'],
    ['« La paix est possible », a tenu à rappeler Olaf Scholz.', null, null],
    ['Olaf Scholz est arrivé lundi. « La paix est possible », a-t-il insisté.', 'Olaf Scholz', 'insister'],
    ['Olaf Scholz est arrivé lundi. « La paix est possible », affirme-t-il.', 'Olaf Scholz', 'affirmer'],
    ['Olaf Scholz est arrivé lundi. « La paix est possible », a-t-il encore fait valoir.', 'Olaf Scholz', 'faire valoir'],
    ['Olaf Scholz est arrivé lundi. « La paix est possible », a-t-il mis en garde.', 'Olaf Scholz', 'mettre en garde'],
    ['« La paix est possible », s’est exclamé Olaf Scholz.', 'Olaf Scholz', 's’exclamer'],
    ['« Nous agirons », a indiqué le Kremlin dans un communiqué.', 'Kremlin', 'indiquer'],
    ['« Nous agirons », a tweeté Ursula von der Leyen.', 'Ursula von der Leyen', 'tweeter'],
    ['« Nous agirons », a réagi le ministère russe des Affaires étrangères.', 'Ministère russe des Affaires étrangères', 'réagir'],
  ])('%s', (text, speaker, cue) => {
    const quotes = brief(text);
    if (speaker === null) {
      expect(quotes.every((q) => q.speaker === null)).toBe(true);
      return;
    }
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker, cue });
  });
});

describe('speakers: reporting verb before the quote', () => {
  it.each([
    ['Le ministre des Affaires étrangères Sergueï Lavrov a déclaré : « Nous ne reculerons pas. »', 'Sergueï Lavrov', 'déclarer'],
    ['Sergueï Lavrov a déclaré jeudi que « rien ne changera ».', 'Sergueï Lavrov', 'déclarer'],
    ['Dans un communiqué, le Kremlin a indiqué que les discussions porteront sur des « questions clés ».', 'Kremlin', 'indiquer'],
    ['Pour sa part, Olaf Scholz, au pouvoir depuis 2021, a affirmé que la priorité restait « la sécurité du continent ».', 'Olaf Scholz', 'affirmer'],
    ['La Maison Blanche a qualifié la décision d’« irresponsable ».', 'Maison-Blanche', 'qualifier'],
    ['Une décision que le département d’État américain a qualifiée de « provocation inutile ».', "Département d'État américain", 'qualifier'],
    ['Olaf Scholz a reçu Emmanuel Macron mardi, estimant que « l’Europe doit rester unie ».', 'Olaf Scholz', 'estimer'],
    ['Pendant la crise, Moscou s’est montrée prudente, répétant qu’elle agirait « en cas d’agression ».', 'Moscou', 'répéter'],
    ['Emmanuel Macron a notamment annoncé avoir constitué une « réserve » de policiers.', 'Emmanuel Macron', 'annoncer'],
    ['La Russie a dénoncé une décision « absurde et dangereuse ».', 'Russie', 'dénoncer'],
  ])('%s', (text, speaker, cue) => {
    const quotes = brief(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker, cue });
  });
});

describe('speakers: selon, pour, parenthesized headline, context', () => {
  it.each([
    ['Selon le président Emmanuel Macron, « la situation est grave ».', 'Emmanuel Macron', null],
    ['Ces accords visent, selon M. Macron, à « mettre en place une stratégie coordonnée ».', 'Macron', null],
    ['Une force commune, à but uniquement « défensif » selon Minsk, a été créée.', 'Minsk', null],
    ['Pour Angela Merkel, « l’Europe doit rester unie ».', 'Angela Merkel', null],
    ['"Nous ne lâcherons rien" (Emmanuel Macron)\n\nLe texte continue.', 'Emmanuel Macron', null],
    ['« La situation est grave », selon un communiqué du Kremlin.', 'Kremlin', null],
  ])('%s', (text, speaker, cue) => {
    const quotes = brief(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker).toContain(speaker);
    expect(quotes[0].cue).toBe(cue);
  });

  it('takes the speaker of a quote standing alone from two sentences back', () => {
    const text = 'Jean Dupont a pris la parole devant les députés. Il a longuement parlé de la réforme. « Nous irons jusqu’au bout. »';
    expect(brief(text)).toEqual([{ text: 'Nous irons jusqu’au bout.', speaker: 'Jean Dupont', cue: null }]);
  });

  it('resolves a colon-introduced quote to the clause subject', () => {
    const text = 'Le chancelier Olaf Scholz a été clair : « Nous ne livrerons pas ces armes. »';
    expect(brief(text)[0].speaker).toBe('Olaf Scholz');
  });
});

describe('coreference inside the article', () => {
  it('resolves M. X, role phrases and pronouns to the full name', () => {
    const text = [
      'Le président russe Vladimir Poutine a reçu jeudi le président turc Recep Tayyip Erdogan à Sotchi.',
      '« Nous avons beaucoup à faire ensemble », a déclaré le chef de l’État russe.',
      '« Nous le savons », a répondu son homologue turc.',
      '« Rien ne sera simple », a ajouté M. Poutine.',
      '« Mais nous avancerons », a-t-il conclu.',
      '« Nous aussi », a lancé le dirigeant turc.',
    ].join(' ');
    expect(quotesOf(text).map((q) => q.speaker)).toEqual([
      'Vladimir Poutine', 'Recep Tayyip Erdogan', 'Vladimir Poutine', 'Vladimir Poutine', 'Recep Tayyip Erdogan',
    ]);
  });

  it('resolves `le chef du Kremlin` and `le président bélarusse` through the countries of the people', () => {
    const text = 'Le dirigeant bélarusse Aleksandr Loukachenko et son homologue russe Vladimir Poutine se sont vus. '
      + 'Le chef du Kremlin a déclaré que la coopération était « essentielle pour nos deux pays ». '
      + '« Nous resterons unis », a lancé le président bélarusse.';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Vladimir Poutine', 'Aleksandr Loukachenko']);
  });

  it('resolves head-of-government and institution-holder phrases', () => {
    const text = 'Le Premier ministre israélien Benjamin Netanyahu a rencontré le président américain Joe Biden. '
      + '« Nous sommes d’accord », a déclaré le chef du gouvernement israélien. '
      + '« Nous resterons à vos côtés », a assuré le locataire de la Maison Blanche. '
      + '« Il reste du travail », a nuancé M. Netanyahu.';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Benjamin Netanyahu', 'Joe Biden', 'Benjamin Netanyahu']);
  });

  it('takes a name in apposition as the subject', () => {
    const text = 'La porte-parole du ministère russe des Affaires étrangères, Maria Zakharova, a qualifié ces sanctions d’« illégitimes ».';
    expect(brief(text)).toEqual([{ text: 'illégitimes', speaker: 'Maria Zakharova', cue: 'qualifier' }]);
  });

  it('resolves `elle` to a woman', () => {
    const text = 'La présidente de la Commission européenne Ursula von der Leyen s’est rendue à Kiev avec Charles Michel. « L’Europe est à vos côtés », a-t-elle déclaré.';
    expect(quotesOf(text)[0].speaker).toBe('Ursula von der Leyen');
  });

  it('merges spelling variants of one name into one speaker', () => {
    const text = 'Alexandre Loukachenko est arrivé. Le président Alexandre Loukachenko a parlé. « Nous vaincrons », a déclaré Aleksandr Loukachenko.';
    // speaker ids as extraction gives them (pipeline/lib/extract/index.ts): the id of the article's entity of that name
    const ctx = doc(text);
    const named = new Set(entityMentions(ctx.doc).map((m) => `${m.type}\u241f${m.canonical}`));
    const [quote] = extractQuotes(ctx, [], (s) => (named.has(`${s.type}\u241f${s.name}`) ? entityIdFor(s.type, s.name) : null));
    expect(quote.speaker).toBe('Alexandre Loukachenko');
    expect(quote.speaker_id).toBe(entityIdFor('person', 'Alexandre Loukachenko'));
  });

  it('resolves an ambassador by role', () => {
    const text = 'L’ambassadeur de Russie à Minsk, Dmitri Mezentsev, a offert un atlas. C’est « une réponse à ceux qui doutent », a expliqué l’ambassadeur.';
    expect(quotesOf(text)[0].speaker).toBe('Dmitri Mezentsev');
  });
});

describe('scare quotes', () => {
  // the gold annotates quoted terms too (`pour « extrémisme »`, `Un « déni de démocratie »`), with no speaker when none is named
  it.each([
    ['Les « gilets jaunes » ont de nouveau manifesté samedi.', { text: 'gilets jaunes', kind: 'fragment', speaker: null, cue: null }],
    ['La Russie mène une « opération militaire spéciale » en Ukraine depuis février.', { text: 'opération militaire spéciale', kind: 'quote', speaker: null, cue: null }],
  ])('%s', (text, expected) => {
    expect(quotesOf(text).map((q) => ({ text: q.text, kind: q.kind, speaker: q.speaker, cue: q.cue }))).toEqual([expected]);
  });
});

describe('what is not a quote', () => {
  it.each([
    ['a newspaper title', 'Il l’a dit dans un entretien au journal « Le Monde ».'],
    ['a film title', 'Le film « Guerre et paix » a été diffusé hier soir.'],
    ['an operation name', 'Emmanuel Macron a annoncé la fin de l’opération « Barkhane ».'],
    ['a name given by baptisé', 'Le ministre a présenté un plan baptisé « France 2030 ».'],
    ['empty quotes', 'Il a déclaré « ».'],
  ])('%s', (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe('kind, groups and dates', () => {
  it.each([
    ['défensif', 'fragment'],
    ['questions clés', 'fragment'],
    ['l’intégration', 'fragment'],
    ['visite de travail', 'quote'],
    ['tous les domaines', 'quote'],
    ['l’ennemi commun', 'fragment'],
    ['sous-estimé', 'fragment'],
    ['Non !', 'fragment'],
  ])('« %s » is a %s', (words, kind) => {
    const [quote] = quotesOf(`Le Kremlin a évoqué « ${words} ».`);
    expect(quote.kind).toBe(kind);
  });

  it('links a headline quote and its repetition in the body with one quote_group', () => {
    const text = '"Nous ne lâcherons rien" (Emmanuel Macron)\n\nLe président Emmanuel Macron a prononcé un discours. "Nous ne lâcherons rien", a-t-il martelé. "Rien", a-t-il ajouté.';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(3);
    expect(quotes[0].quote_group).toBe(quotes[1].quote_group);
    expect(quotes[2].quote_group).not.toBe(quotes[0].quote_group);
    expect(quotes.map((q) => q.cue)).toEqual([null, 'marteler', 'ajouter']);
    expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(['Emmanuel Macron']));
  });

  it('dates the utterance from a date next to the verb, not from one inside the quote', () => {
    const text = 'Vladimir Poutine a assuré lundi que « la Russie n’attaquera pas aujourd’hui ».';
    const monday = text.indexOf('lundi');
    const today = text.indexOf('aujourd’hui');
    const dates: DateMention[] = [
      { text: 'lundi', value: '2022-12-19', precision: 'day', basis: 'publication', start: monday, end: monday + 5 },
      { text: 'aujourd’hui', value: '2022-12-20', precision: 'day', basis: 'publication', start: today, end: today + 11 },
    ];
    expect(quotesOf(text, dates)[0].said_on).toBe('2022-12-19');
  });

  it('leaves said_on null when the only date is elsewhere in the sentence', () => {
    const text = 'Olaf Scholz, au pouvoir depuis 2021, a affirmé que « rien ne change ».';
    const at = text.indexOf('2021');
    const dates: DateMention[] = [{ text: '2021', value: '2021', precision: 'year', basis: 'explicit', start: at, end: at + 4 }];
    expect(quotesOf(text, dates)[0].said_on).toBeNull();
  });
});

describe('news prose', () => {
  it.each([
    ['« Nous ne laisserons personne menacer notre pays », a martelé mercredi le président ukrainien Volodymyr Zelensky dans une allocution.', 'Volodymyr Zelensky', 'marteler'],
    ['Le porte-parole du Kremlin, Dmitri Peskov, a jugé « inacceptables » ces déclarations.', 'Dmitri Peskov', 'juger'],
    ['« C’est une escalade dangereuse », a averti le secrétaire général de l’ONU, Antonio Guterres.', 'Antonio Guterres', 'avertir'],
    ['« Nous sommes prêts à négocier », a déclaré à l’AFP Mikhaïl Podoliak, conseiller de la présidence.', 'Mikhaïl Podoliak', 'déclarer'],
    ['« La Russie doit cesser le feu », a exhorté jeudi soir le chef de la diplomatie américaine, Antony Blinken.', 'Antony Blinken', 'exhorter'],
    ['Le président Emmanuel Macron était à Berlin. « Nous sommes prêts, a-t-il dit, à discuter avec tout le monde. »', 'Emmanuel Macron', 'dire'],
    ['« Ce n’est pas le moment », juge Marine Le Pen.', 'Marine Le Pen', 'juger'],
    ['M. Biden a estimé que Moscou « paierait le prix fort ».', 'Biden', 'estimer'],
    ['« Il n’y aura pas de compromis », prévient la Première ministre Elisabeth Borne.', 'Elisabeth Borne', 'prévenir'],
    ['Le Kremlin a fait savoir que Vladimir Poutine « n’avait pas l’intention » de venir.', 'Kremlin', 'faire savoir'],
    ['Washington a jugé ces propos « irresponsables ».', 'Washington', 'juger'],
    ['Pour le Kremlin, il s’agit d’une « provocation ».', 'Kremlin', null],
    // the guidelines name a speaker as the text does: an article that only writes `l'ONU` gives `ONU`
    ['L’ONU a exprimé sa « profonde inquiétude » face à l’escalade.', 'ONU', 'exprimer'],
    ['L’Organisation des Nations unies (ONU) a exprimé sa « profonde inquiétude ».', 'Organisation des Nations unies', 'exprimer'],
    ['Le chancelier Olaf Scholz a, lui, plaidé pour « une réponse européenne forte ».', 'Olaf Scholz', 'plaider'],
    ['Au sujet de la réforme, le gouvernement estime qu’elle est « indispensable ».', 'Gouvernement', 'estimer'],
    ['« Nous n’avons rien à cacher », a assuré le ministre de la Défense, Sergueï Choïgou.', 'Sergueï Choïgou', 'assurer'],
    // a company or body the gazetteer does not know, named as the subject
    ['Ryanair a dénoncé un « détournement d’État ».', 'Ryanair', 'dénoncer'],
    ['Mardi, la compagnie Ryanair a dénoncé un « acte de piraterie ».', 'Ryanair', 'dénoncer'],
    ['Le constructeur Stellantis a salué une « décision courageuse ».', 'Stellantis', 'saluer'],
  ])('%s', (text, speaker, cue) => {
    const quotes = brief(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker, cue });
  });

  it.each([
    ['Le président Biden a déclaré que l’Europe était « un allié fiable ».', 'Biden', 'déclarer'],
    ['D’après Emmanuel Macron, « rien n’est joué ».', 'Emmanuel Macron', null],
    ['Les propos de Vladimir Poutine, qui a qualifié de « provocation » la décision, ont choqué.', 'Vladimir Poutine', 'qualifier'],
    ['« La situation est sous contrôle », indique un communiqué de l’Élysée.', 'Élysée', 'indiquer'],
    ['« Nous agirons vite », affirme dans un communiqué le ministère des Affaires étrangères.', 'Ministère des Affaires étrangères', 'affirmer'],
    ['Angela Merkel l’a dit clairement : « Nous y arriverons ».', 'Angela Merkel', 'dire'],
    ['Le Kremlin a annoncé la visite, mais l’opposition parle d’une « mascarade ».', 'Opposition', 'parler'],
    ['Le Haut-Commissariat aux droits de l’homme juge ce chiffre « largement sous-estimé ».', 'Haut-Commissariat aux droits de l’homme', 'juger'],
    ['« Nous n’avons jamais vu une telle destruction », témoigne Olena, une habitante de Kharkiv.', 'Olena', 'témoigner'],
    ['Loukachenko : « Nous ne céderons jamais »\n\nLe président Alexandre Loukachenko a parlé lundi.', 'Alexandre Loukachenko', null],
  ])('%s', (text, speaker, cue) => {
    const quotes = brief(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker, cue });
  });

  it('gives a gerund the subject of the attribution before it', () => {
    const text = 'Annalena Baerbock a parlé. « Ces attaques visent des civils », a-t-elle insisté, ajoutant que Berlin « continuerait à aider ».';
    expect(brief(text)[1]).toEqual({ text: 'continuerait à aider', speaker: 'Annalena Baerbock', cue: 'ajouter' });
  });

  it('skips a proper name a few words after its head noun', () => {
    expect(quotesOf('Le ministre a déclaré, selon l’agence de presse officielle « Belta », que la visite avait duré deux heures.')).toEqual([]);
  });

  it('keeps a quote when a reporting verb follows the noun that could head a name', () => {
    expect(brief('Le syndicat a déclaré « Nous ferons grève ».')).toEqual([{ text: 'Nous ferons grève', speaker: 'Syndicat', cue: 'déclarer' }]);
    expect(brief('Le syndicat « Solidarité » a déclaré la grève.')).toEqual([]);
  });

  it('keeps a lowercase evaluative quote after a noun that can head a name', () => {
    expect(brief('Moscou a dénoncé un plan « irresponsable et dangereux ».')).toEqual([{ text: 'irresponsable et dangereux', speaker: 'Moscou', cue: 'dénoncer' }]);
  });

  it('keeps an evaluative fragment after a noun that can head a name', () => {
    expect(brief('Le Kremlin a salué l’accord « historique » signé à Minsk.')).toEqual([{ text: 'historique', speaker: 'Kremlin', cue: 'saluer' }]);
  });

  it('links `M. Wang` to `Wang Yi` (family name first) and resolves `selon lui`', () => {
    const text = 'Sergueï Lavrov a rencontré son homologue chinois Wang Yi à Pékin. « Nos relations sont au plus haut », a dit M. Wang. Selon lui, « l’Occident a échoué ».';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Wang Yi', 'Wang Yi']);
  });

  it('does not give a country-bound role to a person of unknown country with another role', () => {
    const text = '« Les États-Unis sont prêts », a déclaré le secrétaire d’État Antony Blinken. « Nous le sommes aussi », a répondu le ministre russe.';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Antony Blinken', 'Ministre russe']);
  });

  it('prefers a person over a country for a quote standing alone', () => {
    const text = 'Le chef de l’État Volodymyr Zelensky a remercié la Pologne. « Nos amis sont à nos côtés. »';
    expect(quotesOf(text)[0].speaker).toBe('Volodymyr Zelensky');
  });
});

describe('robustness', () => {
  const pieces = ['«', '»', '“', '”', '„', '"', '‹', '›', ' ', '\n', '\n\n', 'Nous', 'a déclaré', 'M. Poutine', ',', '.', 'il', 'selon', 'le Kremlin', '\u00a0'];
  it('never crashes, keeps offsets exact and never returns empty or overlapping quotes', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join(' ');
      const quotes = quotesOf(text);
      let last = -1;
      for (const q of quotes) {
        expect(text.slice(q.start, q.end)).toBe(q.text);
        expect(q.text.length).toBeGreaterThan(0);
        expect(q.start).toBeGreaterThan(last);
        last = q.end;
        expect(q.speaker_id === null || /^[0-9a-f]{16}$/.test(q.speaker_id)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('handles a long article', () => {
    const paragraph = 'Le président russe Vladimir Poutine a déclaré jeudi : « Nous avons l’intention de résister ensemble. » « Oui », a-t-il ajouté, selon le Kremlin.';
    const text = Array.from({ length: 200 }, () => paragraph).join('\n\n');
    expect(quotesOf(text)).toHaveLength(400);
  });
});
