import { BOTH_PARTIES, findActorMentions, indexPeople, mainActors, type PeopleIndex } from '../lexicon/actors.ts';
import { NOT_AN_AGREEMENT, agreementPatternMatches, countOf, domainsIn, statusCues, type AgreementDomain, type AgreementKind, type AgreementStatus, type StatusCue } from '../lexicon/agreements.ts';
import type { Span } from '../text/sentences.ts';
import { assignEventDate, clausesOf, longQuoteSpans } from './events.ts';
import type { AgreementMention, DateMention, DocInput } from './types.ts';

interface NameMatch {
  kind: AgreementKind;
  start: number;
  end: number;
}

const NEGATED = /(?<![\p{L}])(?:aucune?|sans|ni|pas\s+(?:de|d['’])|(?:ne|n['’])\s*(?:[\p{L}'’-]+\s+){0,3}?(?:pas|plus|jamais))(?![\p{L}])/iu;
const NEGATED_AFTER = /^[^,;]{0,40}?(?<![\p{L}])n['’](?:a|ont|était|étaient|est|sont|sera|seront)\s+(?:pas\s+|jamais\s+|plus\s+)?(?:prévue?s?|signée?s?|conclue?s?|eu\s+lieu)/u;
const HYPOTHETICAL = /(?<![\p{L}])(?:si|hypothèse|éventuel\p{L}*|rumeurs?|pourrai\p{L}*)(?![\p{L}])/iu;
const DEFINITE = /(?<![\p{L}])(?:le|la|les|l['’])\s*$/iu;
const DEMANDED = /(?<![\p{L}])(?:réclam\p{L}*|exig\p{L}*|demand\p{L}*|appel\p{L}*\s+à|plaid\p{L}*\s+pour)\s+(?:un|une|des|d['’]un|d['’]une)\s+(?:[\p{L}-]+\s+)?$/iu;
const DEMONSTRATIVE = /(?<![\p{L}])(?:ces|ce|cet|cette|ledit|ladite|lesdits)\s*$/iu;

const COMPLEMENT_OF = /(?<![\p{L}])(?:de|d['’])\s*$/u;
const LOAN_NOUN = /^prêts?$/iu;
const ADJECTIVE_COMPLEMENT = /^\s+à\s/u;
const UNION = /union/iu;
const PARTNERSHIP = /^(?:\S+\s+)?partenariats?\s/iu;

function nameMatches(text: string, sentence: Span): NameMatch[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: NameMatch[] = [];
  for (const m of agreementPatternMatches(body)) {
    const before = body.slice(0, m.index);
    const after = body.slice(m.index + m.text.length);
    if (NOT_AN_AGREEMENT.before.test(before) || NOT_AN_AGREEMENT.after.test(after)) continue;
    // `règles en matière de crédit`: a loan noun as a complement names a field, not a loan.
    if (m.kind === 'loan' && COMPLEMENT_OF.test(before)) continue;
    // `prêt à négocier` is the adjective.
    if (LOAN_NOUN.test(m.text.trim()) && ADJECTIVE_COMPLEMENT.test(after)) continue;
    const name = m.text.replace(/\s+$/u, '');
    const kind: AgreementKind = m.kind === 'other' && UNION.test(name) ? 'union' : m.kind;
    found.push({ kind, start: sentence.start + m.index, end: sentence.start + m.index + name.length });
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: NameMatch[] = [];
  for (const f of found) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** The status cues of a sentence, with absolute offsets. */
function sentenceCues(text: string, sentence: Span): StatusCue[] {
  return statusCues(text.slice(sentence.start, sentence.end)).map((c) => ({ ...c, start: c.start + sentence.start, end: c.end + sentence.start }));
}

/**
 * The status the nearest cue gives: before the name in its clause, then before it
 * in the sentence, then after it in its clause, inside the name, after it in the sentence.
 */
function statusFor(cues: StatusCue[], clause: Span, name: NameMatch): AgreementStatus | null {
  const inName = cues.filter((c) => c.start >= name.start && c.end <= name.end);
  const beforeInClause = cues.filter((c) => c.end <= name.start && c.start >= clause.start);
  const beforeInSentence = cues.filter((c) => c.end <= name.start);
  const afterInClause = cues.filter((c) => c.start >= name.end && c.end <= clause.end);
  const afterInSentence = cues.filter((c) => c.start >= name.end);
  const pick = beforeInClause.at(-1) ?? beforeInSentence.at(-1) ?? afterInClause[0] ?? inName[0] ?? afterInSentence[0];
  // `le traité signé en 1994 reste en vigueur`: the signing describes an agreement now in force.
  if (pick?.status === 'signed' && afterInClause.some((c) => c.status === 'in_force')) return 'in_force';
  return pick?.status ?? null;
}

interface DocumentActors {
  people: PeopleIndex;
  main: string[];
}

function partiesFor(text: string, sentence: Span, { people, main }: DocumentActors, quotes: Span[]): string[] {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const codes: string[] = [];
  if (BOTH_PARTIES.test(sentenceText)) codes.push(...main.slice(0, 2));
  const offset = sentence.start;
  for (const m of findActorMentions(text, people, sentence.start, sentence.end)) {
    if (quotes.some((q) => offset + m.start >= q.start && offset + m.start < q.end)) continue;
    if (m.code !== 'WEST') codes.push(m.code);
  }
  const unique = [...new Set(codes)];
  for (const code of main) {
    if (unique.length >= 2) break;
    if (!unique.includes(code)) unique.push(code);
  }
  return unique;
}

function domainsFor(text: string, sentence: Span, clause: Span, name: NameMatch, kind: AgreementKind, others: NameMatch[]): { domains: AgreementDomain[]; fromContext: boolean } {
  if (kind === 'loan') return { domains: ['finance'], fromContext: false };
  const fromName = domainsIn(text.slice(name.start, name.end));
  if (fromName.length) return { domains: fromName, fromContext: false };
  const fromClause = domainsIn(text.slice(name.end, clause.end));
  if (fromClause.length) return { domains: fromClause, fromContext: true };
  // Other agreements named in the sentence carry their own domains.
  let sentenceText = text.slice(sentence.start, sentence.end);
  for (const o of others) if (o !== name) sentenceText = sentenceText.slice(0, o.start - sentence.start) + ' '.repeat(o.end - o.start) + sentenceText.slice(o.end - sentence.start);
  const fromSentence = domainsIn(sentenceText);
  if (fromSentence.length) return { domains: fromSentence, fromContext: true };
  return { domains: kind === 'union' ? ['political'] : kind === 'joint_force' ? ['defense'] : [], fromContext: false };
}

/** Truces are one agreement whatever the text calls them (`l'accord de cessez-le-feu`, `la trêve`). */
const TRUCE = /cessez-le-feu|trêves?|armistices?/iu;

function headOf(name: string): string {
  if (TRUCE.test(name)) return 'truce';
  return (/(accord|traité|pacte|union|programme|crédit|prêt|contrat|force|partenariat|entente|protocole|cessez-le-feu|trêve|armistice|enveloppe|convention|mémorandum)/iu.exec(name)?.[1] ?? name).toLowerCase();
}

/** The latest record whose name has this head noun. */
function latestWithHead(records: AgreementMention[], head: string): AgreementMention | undefined {
  for (let i = records.length - 1; i >= 0; i--) if (headOf(records[i].name) === head) return records[i];
  return undefined;
}

/** The dates lying inside each sentence, each list in the order of `dates`. */
function datesBySentence(sentences: Span[], dates: DateMention[]): DateMention[][] {
  const byStart = dates.map((_, i) => i).sort((a, b) => dates[a].start - dates[b].start || a - b);
  return sentences.map((sentence) => {
    let low = 0;
    let high = byStart.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (dates[byStart[middle]].start < sentence.start) low = middle + 1;
      else high = middle;
    }
    const inside: number[] = [];
    for (let k = low; k < byStart.length && dates[byStart[k]].start <= sentence.end; k++) {
      if (dates[byStart[k]].end <= sentence.end) inside.push(byStart[k]);
    }
    return inside.sort((a, b) => a - b).map((i) => dates[i]);
  });
}

const QUESTION = /\?\s*[»”"]?\s*$/u;
const BACKGROUND_TENSE = /(?<![\p{L}])(?:avai(?:t|ent)|étai(?:t|ent))(?![\p{L}])/u;
const inBackground = (sentenceText: string): boolean => (sentenceText.includes('avai') || sentenceText.includes('étai')) && BACKGROUND_TENSE.test(sentenceText);
const SINCE = /depuis\s+$/u;

/** Agreements with their status (annotation guidelines §4). */
export function extractAgreements(doc: DocInput, dates: DateMention[]): AgreementMention[] {
  const text = doc.text;
  // The article-wide indexes are built only once an agreement needs them.
  let quotes: Span[] | null = null;
  let actors: DocumentActors | null = null;
  const quotesOf = (): Span[] => (quotes ??= longQuoteSpans(text));
  const actorsOf = (): DocumentActors => {
    if (!actors) {
      const people = indexPeople(text);
      actors = { people, main: mainActors(text, people).filter((c) => c !== 'WEST') };
    }
    return actors;
  };
  const sentenceDates = datesBySentence(doc.sentences, dates);
  const records: AgreementMention[] = [];
  let previousDate: { date: string | null; precision: AgreementMention['precision']; basis: 'explicit' | 'context' | 'publication' | 'unresolved' } | null = null;

  for (const [index, sentence] of doc.sentences.entries()) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const inSentence = sentenceDates[index];
    const ownDate = inSentence.find((d) => d.value != null);
    if (QUESTION.test(sentenceText)) continue;
    const names = nameMatches(text, sentence);
    const clauses = names.length ? clausesOf(text, sentence) : [];
    const background = inBackground(sentenceText);
    let cues: StatusCue[] | null = null;
    let parties: string[] | null = null;
    for (const name of names) {
      if (quotesOf().some((q) => name.start >= q.start && name.start < q.end)) continue;
      const clause = clauses.find((c) => name.start >= c.start && name.start < c.end) ?? clauses[clauses.length - 1];
      const clauseBefore = text.slice(clause.start, name.start);
      if (NEGATED.test(clauseBefore) || NEGATED_AFTER.test(text.slice(name.end, clause.end)) || HYPOTHETICAL.test(clauseBefore)) continue;
      // `pour réclamer un cessez-le-feu`: an agreement only demanded is none of the statuses of §4.
      if (DEMANDED.test(clauseBefore)) continue;
      const nameText = text.slice(name.start, name.end);
      const demonstrative = DEMONSTRATIVE.test(clauseBefore);
      const antecedent = demonstrative ? latestWithHead(records, headOf(nameText)) : undefined;
      const { domains, fromContext } = domainsFor(text, sentence, clause, name, name.kind, names);
      // A demonstrative repeat is recorded only when it brings new facts.
      if (demonstrative && !(fromContext && domains.length)) continue;
      const cueStatus = statusFor((cues ??= sentenceCues(text, sentence)), clause, name);
      // An agreement mentioned with no cue is an existing one (`l'Union eurasiatique`, `le traité New Start`).
      // A partnership is as often a relation as a deal: only one signed or announced is an agreement.
      if (PARTNERSHIP.test(nameText) && cueStatus !== 'signed' && cueStatus !== 'planned') continue;
      // `le cessez-le-feu` again, with no status, date or domain of its own: the same agreement, no new facts.
      if (!cueStatus && !ownDate && DEFINITE.test(clauseBefore) && !(fromContext && domains.length) && latestWithHead(records, headOf(nameText))) continue;
      const status: AgreementStatus = cueStatus ?? antecedent?.status ?? 'in_force';
      const count = countOf(nameText) ?? antecedent?.count ?? null;
      let date: { date: string | null; precision: AgreementMention['precision'] } = { date: null, precision: null };
      if (status === 'signed' || status === 'planned') {
        const d = assignEventDate(doc, sentence, clauses, name.start, background ? 'background' : 'current', inSentence, previousDate);
        date = { date: d.date, precision: d.precision };
      } else if (status === 'in_force') {
        const since = inSentence.find((d) => SINCE.test(text.slice(Math.max(sentence.start, d.start - 10), d.start)) && d.start > name.start);
        if (since) date = { date: since.value, precision: since.precision };
      }
      records.push({
        name: nameText,
        kind: name.kind,
        parties: [...(parties ??= partiesFor(text, sentence, actorsOf(), quotesOf()))],
        domains,
        status,
        count,
        ...date,
        evidence: sentenceText,
        start: name.start,
        end: name.end,
        evidence_start: sentence.start,
        evidence_end: sentence.end,
      });
    }
    previousDate = ownDate ? { date: ownDate.value, precision: ownDate.precision, basis: ownDate.basis } : background ? previousDate : null;
  }
  return records;
}
