/**
 * NLP stage: wink-nlp sentences, tokens with character offsets, POS, lemmas and negation,
 * stored column by column. Each block is read on its own so sentences never cross a newline.
 */
import type winkNLP from 'wink-nlp';
import type { Sentence, Tokens } from '../doc.js';
import type { Block } from './text.js';

type Nlp = ReturnType<typeof winkNLP>;

/** Glued words from machine translation or scraping ("LavrovTo", "becomeInternational"). */
const GLUED = /(?<=[a-z]{3})(?=[A-Z][a-z])/g;
const NAME_PREFIX = /(?:^|[^A-Za-z])(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Al|El|Du|O)$/;

/**
 * A word with an apostrophe or hyphen inside and punctuation after it ("China's,", "pro-Russian.").
 * wink-nlp stores such a word whole in its shared lexicon the first time it sees it with trailing
 * punctuation, and from then on no longer splits it ("China's" stops being "China" + "'s") — so the
 * same sentence would be tokenised differently depending on what the process read before. Setting
 * the punctuation apart keeps the coder's output a function of its input alone.
 */
const INNER_MARK_THEN_PUNCT = /[\p{L}\p{N}]['’-][\p{L}\p{N}'’-]*?[\p{L}\p{N}](?=[,;:!?.)\]”"]+(?:\s|$))/gu;

/** An abbreviation with inner full stops and punctuation after it ("U.S..", "U.K.,"): likewise. */
const ABBREVIATION_THEN_PUNCT = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?=[,;:!?.)\]”"]+(?:\s|$))/gu;

/**
 * A possessive "'s" ("Poor's", "China's"): for the same reason it is always handed to wink-nlp as a
 * token of its own, whatever wink has stored. Contractions ("it's", "that's") are left alone.
 */
const POSSESSIVE = /['’]s(?![\p{L}\p{N}])/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CONTRACTED = new Set([
  'it',
  'that',
  'what',
  'he',
  'she',
  'there',
  'here',
  'who',
  'where',
  'how',
  'let',
  'when',
  'why',
  'this',
]);

/**
 * Inserts a space at glued word boundaries and before the trailing punctuation of words with an
 * inner apostrophe or hyphen; returns the positions inserted (in the new string).
 */
function unglue(text: string): { text: string; inserted: number[] } {
  const cuts = new Set<number>();
  for (const m of text.matchAll(GLUED)) {
    const at = m.index ?? 0;
    if (!NAME_PREFIX.test(text.slice(Math.max(0, at - 4), at))) cuts.add(at);
  }
  for (const m of text.matchAll(INNER_MARK_THEN_PUNCT)) cuts.add((m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(ABBREVIATION_THEN_PUNCT)) cuts.add((m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(POSSESSIVE)) {
    const at = m.index ?? 0;
    let from = at;
    while (from > 0 && WORD_CHAR.test(text[from - 1] ?? '')) from--;
    if (from < at && !CONTRACTED.has(text.slice(from, at).toLowerCase())) cuts.add(at);
  }
  if (cuts.size === 0) return { text, inserted: [] };
  const inserted: number[] = [];
  let out = '';
  let last = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    out += text.slice(last, at) + ' ';
    inserted.push(out.length - 1);
    last = at;
  }
  return { text: out + text.slice(last), inserted };
}

export interface TokenBuilder {
  value: string[];
  lower: string[];
  lemma: string[];
  pos: string[];
  start: number[];
  end: number[];
  negated: number[];
  sentence: number[];
}

export function newTokenBuilder(): TokenBuilder {
  return { value: [], lower: [], lemma: [], pos: [], start: [], end: [], negated: [], sentence: [] };
}

/** Tokenises one block into the builder, appending its sentences. */
export function readBlock(
  nlp: Nlp,
  fullText: string,
  block: Block,
  blockIndex: number,
  tb: TokenBuilder,
  sentences: Sentence[],
): void {
  const its = nlp.its;
  const original = fullText.slice(block.start, block.end);
  const { text, inserted } = unglue(original);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings for `its.lemma` lag its runtime signature.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const neg = doc.tokens().out(its.negationFlag) as unknown as boolean[];

  // Offsets in the unglued text, mapped back to the block and the article as each token is stored.
  let cursor = 0;
  let ins = 0;
  const base = tb.value.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    cursor += (spaces[i] ?? '').length;
    // wink keeps the text lossless; fall back to a search if a token was normalised.
    if (!text.startsWith(v, cursor)) {
      const found = text.indexOf(v, cursor);
      if (found >= 0) cursor = found;
    }
    while (ins < inserted.length && (inserted[ins] ?? Infinity) < cursor) ins++;
    const s = block.start + cursor - ins;
    cursor += v.length;
    tb.value.push(v);
    tb.lower.push(v.toLowerCase());
    tb.lemma.push((lemmas[i] ?? v).toLowerCase());
    tb.pos.push(pos[i] ?? 'X');
    tb.start.push(s);
    tb.end.push(s + v.length);
    tb.negated.push(neg[i] ? 1 : 0);
    tb.sentence.push(-1);
  }

  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  spans.forEach(([from, to], k) => {
    const index = sentences.length;
    const first = base + from;
    const last = base + to;
    for (let t = first; t <= last; t++) tb.sentence[t] = index;
    sentences.push({
      from: first,
      to: last + 1,
      span: [tb.start[first] ?? block.start, tb.end[last] ?? block.end],
      sentiment: sentiments[k] ?? 0,
      block: blockIndex,
    });
  });
}

export function freezeTokens(tb: TokenBuilder): Tokens {
  return {
    count: tb.value.length,
    value: tb.value,
    lower: tb.lower,
    lemma: tb.lemma,
    pos: tb.pos,
    start: Int32Array.from(tb.start),
    end: Int32Array.from(tb.end),
    negated: Uint8Array.from(tb.negated),
    sentence: Int32Array.from(tb.sentence),
  };
}
