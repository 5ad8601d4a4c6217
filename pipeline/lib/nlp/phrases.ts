import { lexemeSlot, tokenize, type Lexeme, type Token } from './tokens.ts';

/**
 * A phrase matcher over tokens (as spaCy's PhraseMatcher): phrases are tokenized once, then
 * looked up in a trie keyed by lower-case token forms, tried only at tokens that can open a
 * phrase. A phrase written with a capital matches only capitalised text (`Union européenne`,
 * not `union européenne`); one in lower case matches either.
 */

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
  /** The phrase's first letter is a capital: the text's must be too. */
  capital: boolean;
  /** Positions after the first of the phrase's words written with a capital (`Le Monde`): the text's must be too, or `le monde` is no newspaper. */
  inner: number[];
}

export interface PhraseMatch<T> {
  first: number;
  /** Exclusive. */
  last: number;
  values: T[];
}

/** Function words a name can open with (`Le Monde`, `La Croix`, `Les Échos`). */
const FUNCTION_OPENERS = new Set(['le', 'la', 'les', "l'", 'the']);

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map(), values: [], capital: false, inner: [] };
  private longest = 1;
  /** Phrases added so far: the node a form opens is kept per form, for this many phrases. */
  private phrases = 0;
  private readonly opening = lexemeSlot((): { phrases: number; node: Node<T> | undefined } => ({ phrases: -1, node: undefined }));

  /** The node of the phrases a token's form opens (as `root.next.get(lower)`), once per form. */
  private openedBy(t: Token): Node<T> | undefined {
    const opening = this.opening(t);
    if (opening.phrases !== this.phrases) {
      opening.node = this.root.next.get(t.lower);
      opening.phrases = this.phrases;
    }
    return opening.node;
  }

  add(phrase: string, value: T): void {
    const tokens = tokenize(phrase);
    if (!tokens.length) return;
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t.lower);
      if (!child) node.next.set(t.lower, (child = { next: new Map(), values: [], capital: false, inner: [] }));
      node = child;
    }
    // a phrase also listed in lower case (`département d'État`) matches in lower case
    const inner: number[] = [];
    // inner capitals count in a phrase opened by a function word only (`Le Monde`; `Maison Blanche` also matches `Maison blanche`)
    if (tokens[0].cap && tokens.length > 1 && FUNCTION_OPENERS.has(tokens[0].lower)) for (let k = 1; k < tokens.length; k++) if (tokens[k].cap) inner.push(k);
    node.inner = node.values.length === 0 ? inner : node.inner.filter((k) => inner.includes(k));
    node.capital = node.values.length === 0 ? tokens[0].cap : node.capital && tokens[0].cap;
    node.values.push(value);
    this.longest = Math.max(this.longest, tokens.length);
    this.phrases++;
  }

  /** Whether some phrase starts with this lower-case form. */
  opensWith(lower: string): boolean {
    return this.root.next.has(lower);
  }

  /** The longest phrase starting at token `i`, or null. Tokens must follow each other without a line break. */
  matchAt(tokens: Token[], i: number): PhraseMatch<T> | null {
    let node = this.openedBy(tokens[i]);
    if (!node) return null;
    let best: PhraseMatch<T> | null = null;
    let j = i;
    for (;;) {
      if (node.values.length && (!node.capital || tokens[i].cap) && node.inner.every((k) => tokens[i + k].cap)) best = { first: i, last: j + 1, values: node.values };
      j++;
      if (j >= tokens.length || j - i >= this.longest || tokens[j].gap >= 2) break;
      const child = node.next.get(tokens[j].lower);
      if (!child) break;
      node = child;
    }
    return best;
  }

  /** Every longest match, left to right, without overlaps. */
  matchAll(tokens: Token[], from = 0, to = tokens.length): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(tokens, i);
      if (m && m.last <= to) {
        out.push(m);
        i = m.last - 1;
      }
    }
    return out;
  }
}
