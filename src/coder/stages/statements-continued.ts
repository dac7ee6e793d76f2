/**
 * Quotations that go on with a statement already found: "“…,” he said, “…”", "“…,” he said. “…”",
 * and a quotation that fills the next paragraph. They join it as further content parts.
 */
import type { Doc } from '../doc.js';
import { opensParagraph } from './statements-content.js';
import { quoteEnd, type Quote } from './statements-quotes.js';
import type { Candidate, StatementScan } from './statements-scan.js';

/** "“…,” he said. “…”" and a quote that goes on in the next paragraph belong to the same statement. */
export function continueQuotes(scan: StatementScan): void {
  const { doc } = scan;
  const { tokens } = doc;
  const ordered = [...scan.candidates].sort((a, b) => a.cue[0] - b.cue[0]);
  ordered.forEach((c, i) => {
    const after = ordered[i + 1];
    const limit = after
      ? Math.min(after.cue[0], after.speaker.from, ...after.parts.map((p) => p[0]))
      : tokens.count;
    let lastEnd = Math.max(
      c.cue[1],
      c.speaker.to,
      ...c.parts.map((p) => p[1]),
      ...c.quotes.map((q) => quoteEndToken(scan, q)),
    );
    let next = scan.quotes.findIndex((q) => q.open >= lastEnd);
    while (next >= 0) {
      const q = scan.quotes[next];
      if (!q || !q.speech || scan.used.has(next) || q.open < 0 || q.open >= limit) break;
      if (!continues(doc, c, lastEnd, q)) break;
      c.parts.push([q.from, q.to]);
      c.quotes.push(next);
      scan.used.add(next);
      lastEnd = quoteEndToken(scan, next);
      next++;
    }
  });
}

/**
 * Whether the quotation `q` goes on with the statement whose words end before token `lastEnd`:
 * "“…,” he said, “…”" in the same sentence, "… he said. “…”" in the next one, or a paragraph
 * made only of the quotation right after.
 */
function continues(doc: Doc, c: Candidate, lastEnd: number, q: Quote): boolean {
  const { tokens, sentences } = doc;
  const lastSentence = tokens.sentence[lastEnd - 1] ?? -1;
  const qSentence = tokens.sentence[q.open] ?? -1;
  const lastBlock = sentences[lastSentence]?.block ?? -1;
  if (q.block === lastBlock) {
    if (qSentence === lastSentence) {
      if (c.kind !== 'direct') return false;
      for (let k = lastEnd; k < q.open; k++) if (/^(VERB|AUX)$/.test(tokens.pos[k] ?? '')) return false;
      return true;
    }
    if (qSentence !== lastSentence + 1) return false;
    for (let k = sentences[qSentence]?.from ?? q.open; k < q.open; k++)
      if (tokens.pos[k] !== 'PUNCT') return false;
    return c.kind === 'direct' || onlyQuote(doc, q);
  }
  return q.block === lastBlock + 1 && isBlockStart(doc, q.open) && onlyQuote(doc, q);
}

function quoteEndToken(scan: StatementScan, q: number): number {
  const quote = scan.quotes[q];
  return quote ? quoteEnd(quote) : 0;
}

function isBlockStart(doc: Doc, k: number): boolean {
  const si = doc.tokens.sentence[k] ?? -1;
  return doc.sentences[si]?.from === k && opensParagraph(doc, si);
}

/** The quote fills its paragraph (no cue of its own around it). */
function onlyQuote(doc: Doc, q: Quote): boolean {
  const { tokens } = doc;
  const end = quoteEnd(q);
  const si = tokens.sentence[end - 1] ?? -1;
  let k = end;
  while (k < tokens.count && tokens.sentence[k] === si && tokens.pos[k] === 'PUNCT') k++;
  const s = doc.sentences[si];
  return !s || k >= s.to;
}
