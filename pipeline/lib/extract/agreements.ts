import { BOTH_PARTIES, findActorMentions, indexPeople, mainActors, type PeopleIndex } from '../lexicon/actors.ts';
import { AGREEMENT_PATTERNS, NOT_AN_AGREEMENT, countOf, domainsIn, statusCues, type AgreementDomain, type AgreementKind, type AgreementStatus } from '../lexicon/agreements.ts';
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
const DEMONSTRATIVE = /(?<![\p{L}])(?:ces|ce|cet|cette|ledit|ladite|lesdits)\s*$/iu;

function nameMatches(text: string, sentence: Span): NameMatch[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: NameMatch[] = [];
  for (const { kind, pattern } of AGREEMENT_PATTERNS) {
    for (const m of body.matchAll(pattern)) {
      const before = body.slice(0, m.index);
      const after = body.slice(m.index + m[0].length);
      if (NOT_AN_AGREEMENT.before.test(before) || NOT_AN_AGREEMENT.after.test(after)) continue;
      // `règles en matière de crédit`: a loan noun as a complement names a field, not a loan.
      if (kind === 'loan' && /(?<![\p{L}])(?:de|d['’])\s*$/u.test(before)) continue;
      // `prêt à négocier` is the adjective.
      if (/^prêts?$/iu.test(m[0].trim()) && /^\s+à\s/u.test(after)) continue;
      const name = m[0].replace(/\s+$/u, '');
      const resolvedKind: AgreementKind = kind === 'other' && /union/iu.test(name) ? 'union' : kind;
      found.push({ kind: resolvedKind, start: sentence.start + m.index, end: sentence.start + m.index + name.length });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: NameMatch[] = [];
  for (const f of found) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The status the nearest cue gives: before the name in its clause, then before it
 * in the sentence, then after it in its clause, inside the name, after it in the sentence.
 */
function statusFor(text: string, sentence: Span, clause: Span, name: NameMatch): AgreementStatus | null {
  const cues = statusCues(text.slice(sentence.start, sentence.end)).map((c) => ({ ...c, start: c.start + sentence.start, end: c.end + sentence.start }));
  const inName = cues.filter((c) => c.start >= name.start && c.end <= name.end);
  const beforeInClause = cues.filter((c) => c.end <= name.start && c.start >= clause.start);
  const beforeInSentence = cues.filter((c) => c.end <= name.start);
  const afterInClause = cues.filter((c) => c.start >= name.end && c.end <= clause.end);
  const afterInSentence = cues.filter((c) => c.start >= name.end);
  const pick = beforeInClause.at(-1) ?? beforeInSentence.at(-1) ?? afterInClause[0] ?? inName[0] ?? afterInSentence[0];
  return pick?.status ?? null;
}

function partiesFor(text: string, sentence: Span, people: PeopleIndex, main: string[], quotes: Span[]): string[] {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const codes: string[] = [];
  if (BOTH_PARTIES.test(sentenceText)) codes.push(...main.slice(0, 2));
  const offset = sentence.start;
  for (const m of findActorMentions(sentenceText, people)) {
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

function headOf(name: string): string {
  return (/(accord|traité|pacte|union|programme|crédit|prêt|contrat|force|partenariat|entente|protocole)/iu.exec(name)?.[1] ?? name).toLowerCase();
}

/** Agreements with their status (annotation guidelines §4). */
export function extractAgreements(doc: DocInput, dates: DateMention[]): AgreementMention[] {
  const text = doc.text;
  const people = indexPeople(text);
  const main = mainActors(text, people).filter((c) => c !== 'WEST');
  const quotes = longQuoteSpans(text);
  const records: AgreementMention[] = [];
  let previousDate: { date: string | null; precision: AgreementMention['precision']; basis: 'explicit' | 'context' | 'publication' | 'unresolved' } | null = null;

  for (const sentence of doc.sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const clauses = clausesOf(text, sentence);
    const ownDate = dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && d.value != null);
    if (/\?\s*[»”"]?\s*$/u.test(sentenceText)) continue;
    const names = nameMatches(text, sentence);
    for (const name of names) {
      if (quotes.some((q) => name.start >= q.start && name.start < q.end)) continue;
      const clause = clauses.find((c) => name.start >= c.start && name.start < c.end) ?? clauses[clauses.length - 1];
      const clauseBefore = text.slice(clause.start, name.start);
      if (NEGATED.test(clauseBefore) || NEGATED_AFTER.test(text.slice(name.end, clause.end)) || HYPOTHETICAL.test(clauseBefore)) continue;
      const nameText = text.slice(name.start, name.end);
      const antecedent = DEMONSTRATIVE.test(clauseBefore) ? [...records].reverse().find((r) => headOf(r.name) === headOf(nameText)) : undefined;
      const { domains, fromContext } = domainsFor(text, sentence, clause, name, name.kind, names);
      // A demonstrative repeat is recorded only when it brings new facts.
      if (DEMONSTRATIVE.test(clauseBefore) && !(fromContext && domains.length)) continue;
      const cueStatus = statusFor(text, sentence, clause, name);
      // An agreement mentioned with no cue is an existing one (`l'Union eurasiatique`, `le traité New Start`).
      const status: AgreementStatus = cueStatus ?? antecedent?.status ?? 'in_force';
      const count = countOf(nameText) ?? antecedent?.count ?? null;
      let date: { date: string | null; precision: AgreementMention['precision'] } = { date: null, precision: null };
      if (status === 'signed' || status === 'planned') {
        const frame = /(?<![\p{L}])(?:avai(?:t|ent)|étai(?:t|ent))(?![\p{L}])/u.test(sentenceText) ? 'background' : 'current';
        const d = assignEventDate(doc, sentence, clauses, name.start, frame, dates, previousDate);
        date = { date: d.date, precision: d.precision };
      } else if (status === 'in_force') {
        const since = dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && /depuis\s+$/u.test(text.slice(Math.max(sentence.start, d.start - 10), d.start)) && d.start > name.start);
        if (since) date = { date: since.value, precision: since.precision };
      }
      records.push({
        name: nameText,
        kind: name.kind,
        parties: partiesFor(text, sentence, people, main, quotes),
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
    const background = /(?<![\p{L}])(?:avai(?:t|ent)|étai(?:t|ent))(?![\p{L}])/u.test(sentenceText);
    previousDate = ownDate ? { date: ownDate.value, precision: ownDate.precision, basis: ownDate.basis } : background ? previousDate : null;
  }
  return records;
}
