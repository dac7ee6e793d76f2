/**
 * Where the words of a statement begin and end: the clause a sentence split by the tokenizer still
 * belongs to, the content after a cue up to a trailing attribution or the reporter's own clause,
 * and the content before a speaker and cue.
 */
import type { Doc } from '../doc.js';
import type { Quote } from './statements-quotes.js';
import { inSpeech, quoteEndingNear, quoteOpeningAt, type StatementScan } from './statements-scan.js';
import { isSpeakerPronoun, npStartingAt } from './statements-speaker.js';
import { skipSetting } from './statements-setting.js';

export const SENTENCE_END = /^[.!?]+$/;
const CLOSING = new Set([',', '”', '"', '’', '»', "'", '—', '–', ':']);

/** Words found before their speaker and cue, and the quotation they are (-1: none). */
export interface ContentBefore {
  part: [number, number];
  quote: number;
}

/** Whether the clause ends at `k`: the end of the range, a full stop or a comma. */
export function endsClause(doc: Doc, k: number, to: number): boolean {
  return k >= to || SENTENCE_END.test(doc.tokens.value[k] ?? '') || doc.tokens.value[k] === ',';
}

/** Whether a verb or auxiliary stands among the tokens [from, to). */
export function hasVerb(doc: Doc, from: number, to: number): boolean {
  for (let m = from; m < to; m++)
    if (doc.tokens.pos[m] === 'VERB' || doc.tokens.pos[m] === 'AUX') return true;
  return false;
}

/** Sentence start, reaching back over a split the tokenizer made inside a clause ("(R-Neb.), a member, said"). */
export function clauseStart(doc: Doc, si: number): number {
  let i = si;
  while (i > 0) {
    const s = doc.sentences[i];
    const prev = doc.sentences[i - 1];
    if (!s || !prev || prev.block !== s.block) break;
    const first = doc.tokens.value[s.from] ?? '';
    // "Rev. William Barber said": a title's full stop is no sentence end.
    const title = /^(rev|sen|gov|rep|dr|mr|mrs|ms|gen|lt|col|sgt|capt|prof|st|jr|pres|amb)$/i.test(
      doc.tokens.value[prev.to - 2] ?? '',
    );
    if (!(
      first === ',' ||
      first === ')' ||
      /^\p{Ll}/u.test(first) ||
      (title && doc.tokens.value[prev.to - 1] === '.')
    ))
      break;
    i--;
  }
  return doc.sentences[i]?.from ?? 0;
}

/** Whether sentence `si` is the first of its paragraph. */
export function opensParagraph(doc: Doc, si: number): boolean {
  const s = doc.sentences[si];
  return s != null && doc.sentences[si - 1]?.block !== s.block;
}

/** Index just past the last content token of the sentence ending before `to`. */
export function trimEnd(scan: StatementScan, from: number, to: number): number {
  const { tokens } = scan.doc;
  let e = to;
  while (
    e > from &&
    (SENTENCE_END.test(tokens.value[e - 1] ?? '') || CLOSING.has(tokens.value[e - 1] ?? ''))
  ) {
    // Keep a closing quote that closes a quote inside the content.
    const q = scan.quoteAt[e - 1] ?? -1;
    if (q >= 0 && scan.quotes[q]?.close === e - 1 && (scan.quotes[q]?.open ?? -1) >= from) break;
    e--;
  }
  return e;
}

/** Whether a clause starts at `k`: a noun phrase followed by a verb, before any punctuation. */
export function clauseFollows(doc: Doc, k: number, to: number): boolean {
  const { tokens } = doc;
  if (isSpeakerPronoun(doc, k) && /^(AUX|VERB|ADV|PART)$/.test(tokens.pos[k + 1] ?? '')) return true;
  // "nearly 300,000 voters went", "more than 665,000 Republicans have cast".
  while (k < to && (tokens.pos[k] === 'ADV' || tokens.lower[k] === 'than' || tokens.lower[k] === 'more')) k++;
  const end = npStartingAt(doc, k, to, false);
  if (end < 0) return false;
  for (let j = end; j < Math.min(to, end + 3); j++) {
    const pos = tokens.pos[j] ?? '';
    if (pos === 'AUX' || (pos === 'VERB' && !/ing$/.test(tokens.lower[j] ?? ''))) return true;
    if (pos !== 'ADV' && pos !== 'PART') return false;
  }
  return false;
}

/** End of the content that starts at `from`: the end of the sentence, before a trailing attribution. */
export function contentEnd(scan: StatementScan, from: number, to: number): number {
  const { doc } = scan;
  const { tokens } = doc;
  for (let k = from + 1; k < to; k++) {
    if (inSpeech(scan, k)) continue; // a quotation inside the content does not end it
    const w = tokens.lower[k] ?? '';
    if (w === ';' || (w === ':' && quoteOpeningAt(scan, k + 1) >= 0)) return trimEnd(scan, from, k);
    if (w === 'according' && tokens.lower[k + 1] === 'to' && /^[,”"’]$/.test(tokens.value[k - 1] ?? ''))
      return trimEnd(scan, from, k);
    // "blaming the West …, and accusing Ukraine …": a second cue of the same speaker.
    if (w === 'and' && k > from + 2 && isSayVerb(doc, k + 1)) return trimEnd(scan, from, k);
    // "…, Lavrov said." / "…, said Lavrov."
    if (w === ',' && attributionTail(doc, k + 1, to)) return trimEnd(scan, from, k);
    if (k > from + 2 && clauseOfTheReporter(doc, k, to)) return trimEnd(scan, from, k);
  }
  return trimEnd(scan, from, to);
}

/**
 * Where the reporting sentence takes over again after the words: ", playing down …",
 * ", but did not recommend …", ", though …", "before noting …", a lone dash ("— failings …").
 */
function clauseOfTheReporter(doc: Doc, k: number, to: number): boolean {
  const { tokens } = doc;
  const w = tokens.value[k] ?? '';
  const n = tokens.lower[k + 1] ?? '';
  const npos = tokens.pos[k + 1] ?? '';
  if (w === ',') {
    if (npos === 'VERB' && /ing$/.test(n)) return true;
    if ((n === 'but' || n === 'and') && /^(VERB|AUX)$/.test(tokens.pos[k + 2] ?? '')) return true;
    return (
      /^(though|although|whereas|while|as)$/.test(n) || (n === 'even' && tokens.lower[k + 2] === 'though')
    );
  }
  if (/^[—―–]$/.test(w)) {
    for (let j = k + 1; j < to; j++) if (/^[—―–]$/.test(tokens.value[j] ?? '')) return false; // a pair: an aside
    return true;
  }
  const lw = w.toLowerCase();
  return (lw === 'before' || lw === 'while' || lw === 'after') && npos === 'VERB' && /ing$/.test(n);
}

function isSayVerb(doc: Doc, j: number): boolean {
  const { tokens } = doc;
  return (
    tokens.pos[j] === 'VERB' && doc.lexicon.say_verbs.has(tokens.lemma[j] ?? '') && tokens.lemma[j] !== 'show'
  );
}

/** ", he said." / ", said the minister." / ", officials say": a speaker and cue that end the sentence. */
function attributionTail(doc: Doc, k: number, to: number): boolean {
  const { tokens } = doc;
  const isSay = (j: number) =>
    tokens.pos[j] === 'VERB' &&
    (doc.lexicon.say_verbs.has(tokens.lemma[j] ?? '') ||
      doc.lexicon.say_if_complement_verbs.has(tokens.lemma[j] ?? ''));
  if (isSay(k)) return true;
  const end = npStartingAt(doc, k, to, true);
  if (end < 0 || end - k > 12) return false;
  let j = end;
  while (j < to && (tokens.pos[j] === 'ADV' || tokens.pos[j] === 'AUX')) j++;
  if (!isSay(j)) return false;
  return endsClause(doc, skipSetting(doc, j + 1, to), to);
}

/**
 * Content that precedes a speaker and cue: the quotation closing just before (`“…,” he said`),
 * else the clause from the start of the sentence to the comma (`The West is to blame, he said`).
 */
export function contentBefore(scan: StatementScan, k: number, lo: number): ContentBefore | null {
  const { doc } = scan;
  const { tokens } = doc;
  const q = quoteEndingNear(scan, k, lo);
  if (q >= 0 && !scan.used.has(q)) {
    const quote = scan.quotes[q] as Quote;
    return { part: [quote.from, quote.to], quote: q };
  }
  if (tokens.value[k] !== ',' && tokens.value[k] !== '—') return null;
  const [start, end] = openingWords(scan, k, lo);
  if (end - start < 3) return null;
  // A clause, not a list of names: it needs a verb.
  return hasVerb(doc, start, end) ? { part: [start, end], quote: -1 } : null;
}

/** "That culture, they said, emphasizes …": the words before an inserted attribution, however short. */
export function openingBefore(scan: StatementScan, k: number, lo: number): ContentBefore | null {
  const [start, end] = openingWords(scan, k, lo);
  return end > start ? { part: [start, end], quote: -1 } : null;
}

/** The clause's words before `k`, past the quote marks and dashes that open it. */
function openingWords(scan: StatementScan, k: number, lo: number): [number, number] {
  const { tokens } = scan.doc;
  let start = lo;
  while (start < k && /^[“"‘«—–-]$/.test(tokens.value[start] ?? '')) start++;
  return [start, trimEnd(scan, start, k)];
}
