/**
 * Quotations of a document: pairs of quote marks (straight, curly, guillemets, low-9, single) found
 * per block, with nested quotes left inside their outer quote. A quote left open at the end of a
 * paragraph runs to its end (the newspaper convention for quotes that go on in the next paragraph).
 */
import type { Doc } from '../doc.js';

export interface Quote {
  /** Token of the opening mark, -1 when the quote began before its block. */
  open: number;
  /** Token of the closing mark, -1 when the block ended first. */
  close: number;
  /** Inner tokens [from, to). */
  from: number;
  to: number;
  /** Characters of the inner text. */
  span: [number, number];
  block: number;
  /** Long enough and sentence-like enough to be someone's words rather than a scare quote or title. */
  speech: boolean;
}

type Kind = 'double' | 'single' | 'angle';

const OPENERS: Record<string, Kind> = {
  '“': 'double',
  '„': 'double',
  '«': 'angle',
  '‹': 'angle',
  '‘': 'single',
};
const CLOSERS: Record<string, Kind> = { '”': 'double', '»': 'angle', '›': 'angle', '’': 'single' };
/** Words before a quote that make it a name or title: the book "…", a group called "…". */
const TITLE_MARKERS = new Set([
  'titled',
  'entitled',
  'dubbed',
  'named',
  'nicknamed',
  'book',
  'film',
  'movie',
  'song',
  'album',
  'show',
  'series',
  'headline',
  'column',
  'op-ed',
  'essay',
  'article',
  'slogan',
  'term',
  'phrase',
  'word',
  'words',
  'hashtag',
  'so-called',
  'operation',
  'campaign',
  'program',
  'programme',
  'doctrine',
  'motto',
]);

/** All quotes of the document, in text order, and for each token the quote it lies in (-1: none). */
export function findQuotes(doc: Doc): { quotes: Quote[]; quoteAt: Int32Array } {
  const { tokens, sentences } = doc;
  const quotes: Quote[] = [];
  const quoteAt = new Int32Array(tokens.count).fill(-1);
  let b = 0;
  while (b < sentences.length) {
    const block = sentences[b]?.block ?? 0;
    let e = b;
    while (e + 1 < sentences.length && sentences[e + 1]?.block === block) e++;
    const from = sentences[b]?.from ?? 0;
    const to = sentences[e]?.to ?? from;
    quotesInBlock(doc, from, to, block, quotes);
    b = e + 1;
  }
  quotes.forEach((q, i) => {
    const lo = q.open >= 0 ? q.open : q.from;
    const hi = quoteEnd(q);
    for (let k = lo; k < hi; k++) quoteAt[k] = i;
  });
  return { quotes, quoteAt };
}

/** The token just past the quote: past its closing mark, or past its words when it was left open. */
export function quoteEnd(q: Quote): number {
  return q.close >= 0 ? q.close + 1 : q.to;
}

function quotesInBlock(doc: Doc, from: number, to: number, block: number, out: Quote[]): void {
  const { tokens, text } = doc;
  const spaceBefore = (k: number) => k === from || /\s/.test(text[(tokens.start[k] ?? 0) - 1] ?? ' ');
  const spaceAfter = (k: number) => k + 1 >= to || (tokens.start[k + 1] ?? 0) > (tokens.end[k] ?? 0);
  let openAt = -1;
  let openWidth = 1;
  let openKind: Kind | null = null;
  let sawMark = false;
  const push = (open: number, close: number, innerFrom: number, innerTo: number) => {
    if (innerTo <= innerFrom) return;
    const q: Quote = {
      open,
      close,
      from: innerFrom,
      to: innerTo,
      span: [tokens.start[innerFrom] ?? 0, tokens.end[innerTo - 1] ?? 0],
      block,
      speech: false,
    };
    q.speech = isSpeech(doc, q);
    out.push(q);
  };
  for (let k = from; k < to; k++) {
    let v = tokens.value[k] ?? '';
    // Typewriter doubles: ''…'' and ``…'' (two tokens or one) stand for double quotes.
    let width = 1;
    const pairWith = (c: string) =>
      tokens.value[k + 1] === c && (tokens.start[k + 1] ?? 0) === (tokens.end[k] ?? 0);
    if (v === "''" || v === '``') v = v === '``' ? '“' : '"';
    else if ((v === "'" && pairWith("'")) || (v === '`' && pairWith('`'))) {
      v = v === '`' ? '“' : '"';
      width = 2;
    }
    if (v.length !== 1) continue;
    let role: 'open' | 'close' | null = null;
    let kind: Kind | null = null;
    if (v === '"' || v === "'") {
      kind = v === '"' ? 'double' : 'single';
      if (openKind === kind) role = 'close';
      else if (openKind == null) {
        if (kind === 'double') role = !spaceAfter(k + width - 1) || spaceBefore(k) ? 'open' : null;
        else role = spaceBefore(k) && !spaceAfter(k + width - 1) ? 'open' : null;
      }
    } else if (OPENERS[v]) {
      kind = OPENERS[v] as Kind;
      if (openKind === kind) {
        // "„…“": the German pair closes on a high mark; otherwise the last quote was never closed.
        if (v === '“' && tokens.value[openAt] === '„') role = 'close';
        else {
          push(openAt, -1, openAt + openWidth, k);
          role = 'open';
        }
      } else if (openKind == null) role = kind === 'single' && spaceAfter(k + width - 1) ? null : 'open';
    } else if (CLOSERS[v]) {
      kind = CLOSERS[v] as Kind;
      if (openKind === kind) role = 'close';
      else if (openKind == null && !sawMark && kind !== 'single') role = 'close';
    }
    if (role === 'open') {
      openAt = k;
      openWidth = width;
      openKind = kind;
      sawMark = true;
    } else if (role === 'close') {
      // `close` is the last token of the closing mark.
      if (openAt >= 0) push(openAt, k + width - 1, openAt + openWidth, k);
      else push(-1, k + width - 1, from, k); // the quote began in an earlier paragraph
      openAt = -1;
      openKind = null;
      sawMark = true;
    }
    k += width - 1;
  }
  // Left open: runs to the end of the paragraph (closing punctuation excluded).
  if (openAt >= 0 && openKind !== 'single') {
    let end = to;
    while (end > openAt + 1 && tokens.pos[end - 1] === 'PUNCT') end--;
    if (end - openAt > 3) push(openAt, -1, openAt + openWidth, end);
  }
}

/** Someone's words: at least four words or a clause, and not a title or name. */
function isSpeech(doc: Doc, q: Quote): boolean {
  const { tokens } = doc;
  let words = 0;
  let verbs = 0;
  let capitalised = 0;
  let content = 0;
  let sentenceEnd = false;
  for (let k = q.from; k < q.to; k++) {
    const pos = tokens.pos[k] ?? '';
    if (pos === 'PUNCT' || pos === 'SYM') {
      if (/[.!?]/.test(tokens.value[k] ?? '')) sentenceEnd = true;
      continue;
    }
    words++;
    if (pos === 'VERB' || pos === 'AUX') verbs++;
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'VERB') {
      content++;
      if (/^\p{Lu}/u.test(tokens.value[k] ?? '')) capitalised++;
    }
  }
  if (words < 3 || (words < 5 && verbs === 0)) return false;
  const before = q.open > 0 ? (tokens.lower[q.open - 1] ?? '') : '';
  if (TITLE_MARKERS.has(before) && words <= 10) return false;
  // "The Art of the Deal": every content word capitalised, no sentence punctuation, inside a sentence.
  const atStart = q.open < 0 || doc.tokens.sentence[q.open] !== doc.tokens.sentence[q.open - 1];
  if (!atStart && !sentenceEnd && content > 1 && capitalised === content && words <= 10) return false;
  return true;
}
