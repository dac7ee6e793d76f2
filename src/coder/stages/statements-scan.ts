/**
 * What the statements stage knows while it reads one document: the quotations, the statements
 * found so far and the tokens already spoken for. Every cue pattern reads and adds to one scan, in
 * text order, because an earlier statement decides later ones (its speaker is the "he" of the next,
 * its quotation is no longer free to be another's words).
 */
import type { Doc } from '../doc.js';
import { findQuotes, type Quote } from './statements-quotes.js';
import type { Speaker } from './statements-speaker.js';

/** A statement as the cue patterns find it, in tokens; statements-output turns it into characters. */
export interface Candidate {
  speaker: Speaker;
  /** Cue tokens [from, to). */
  cue: [number, number];
  /** Content as token ranges [from, to). */
  parts: [number, number][];
  kind: 'direct' | 'reported';
  sentence: number;
  /** Quotes used as content, by index. */
  quotes: number[];
}

export interface StatementScan {
  readonly doc: Doc;
  readonly quotes: Quote[];
  /** For each token the quote it lies in (-1: none). */
  readonly quoteAt: Int32Array;
  /** Quotes already taken as some statement's content. */
  readonly used: Set<number>;
  readonly candidates: Candidate[];
  readonly cueTaken: Uint8Array;
  /** Tokens of a transcript turn: the speaker's own words, where cues are not the article's. */
  readonly inTurn: Uint8Array;
  /** How many paragraphs each short label opens ("Editor:"), counted when a colon first asks. */
  labels: Map<string, number> | null;
}

export function startScan(doc: Doc): StatementScan {
  const { quotes, quoteAt } = findQuotes(doc);
  return {
    doc,
    quotes,
    quoteAt,
    used: new Set<number>(),
    candidates: [],
    cueTaken: new Uint8Array(doc.tokens.count),
    inTurn: new Uint8Array(doc.tokens.count),
    labels: null,
  };
}

export function inSpeech(scan: StatementScan, k: number): boolean {
  const q = scan.quoteAt[k] ?? -1;
  return q >= 0 && (scan.quotes[q]?.speech ?? false);
}

/** The speech quote whose closing mark is at `k`, or -1. */
export function quoteClosingAt(scan: StatementScan, k: number): number {
  const q = scan.quoteAt[k] ?? -1;
  const quote = q >= 0 ? scan.quotes[q] : undefined;
  return quote && quote.speech && quote.close === k ? q : -1;
}

/** The speech quote whose opening mark is at `k`, or -1. */
export function quoteOpeningAt(scan: StatementScan, k: number): number {
  const q = scan.quoteAt[k] ?? -1;
  const quote = q >= 0 ? scan.quotes[q] : undefined;
  return quote && quote.speech && quote.open === k ? q : -1;
}

/** The speech quote that closes at `k`, or at `k - 1` before a comma or dash (`“…”, he said`). */
export function quoteEndingNear(scan: StatementScan, k: number, lo: number): number {
  // A quotation may end the sentence before ("“…?” Mr. Clyburn said"), never the paragraph before.
  if (k < lo) {
    const { tokens, sentences } = scan.doc;
    const a = sentences[tokens.sentence[k] ?? -1];
    const b = sentences[tokens.sentence[lo] ?? -1];
    return k === lo - 1 && a != null && b != null && a.block === b.block ? quoteClosingAt(scan, k) : -1;
  }
  const q = quoteClosingAt(scan, k);
  if (q >= 0) return q;
  const v = scan.doc.tokens.value[k] ?? '';
  return (v === ',' || v === '—' || v === '–') && k - 1 >= lo ? quoteClosingAt(scan, k - 1) : -1;
}
