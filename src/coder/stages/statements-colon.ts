/**
 * Speakers before a colon: "Lavrov: “…”", a headline ("WikiLeaks: Hillary Clinton Flattered
 * Obama") and the turns of an interview transcript ("Dr. Anya Sharma: First, seek out …").
 */
import type { Doc } from '../doc.js';
import { opensParagraph, trimEnd } from './statements-content.js';
import { quoteOpeningAt, type StatementScan } from './statements-scan.js';
import { add, addQuote } from './statements-record.js';
import { headActor, npEndingAt } from './statements-speaker.js';
import { speakerFrom } from './statements-subject.js';

/** "WikiLeaks: Hillary Clinton Flattered Obama" (a headline) or "Lavrov: “…”". */
export function colonCue(scan: StatementScan, k: number, si: number, from: number, to: number): void {
  const { doc } = scan;
  const { tokens } = doc;
  const labelStart = transcriptLabel(scan, si, k);
  const label = labelStart >= 0;
  if (label) from = labelStart;
  if (k - from > 8 || k === from) return;
  const s = doc.sentences[si];
  const next = k + 1;
  const qAfter = quoteOpeningAt(scan, next);
  const headline =
    s != null &&
    s.from === from &&
    opensParagraph(doc, si) &&
    doc.sentences[si + 1]?.block !== s.block &&
    to - from < 30;
  if (qAfter < 0 && !headline && !label) return;
  // The speaker is the whole stretch before the colon, and must name someone.
  if (!label) {
    const start = npEndingAt(doc, k - 1, from);
    if (start !== from) return;
    let named = false;
    for (let j = from; j < k; j++)
      if (tokens.pos[j] === 'PROPN' || (doc.phraseAt[j] ?? -1) >= 0) named = true;
    if (!named) return;
  }
  // Headings ("Expert Insights: The Challenges Ahead") are no statements: the speaker must be an
  // actor, or a name that the article uses again ("WikiLeaks: …", "Michaela Angela Davis: …").
  if (qAfter < 0 && !label && !headActor(doc, from, k) && !recurringName(doc, from, k)) return;
  const speaker = speakerFrom(doc, from, k);
  if (qAfter >= 0) {
    addQuote(scan, speaker, [k, k + 1], qAfter, si);
    return;
  }
  // A transcript turn ("Dr. Anya Sharma: First, seek out …") runs to the end of its paragraph.
  let last = si;
  while (label && doc.sentences[last + 1]?.block === s?.block) last++;
  const end = trimEnd(scan, next, doc.sentences[last]?.to ?? to);
  if (end - next < 2) return;
  if (label) scan.inTurn.fill(1, next, end);
  add(scan, {
    speaker,
    cue: [k, k + 1],
    parts: [[next, end]],
    kind: label ? 'direct' : 'reported',
    sentence: si,
    quotes: [],
  });
}

/**
 * "Time.news Editor: …" / "Dr. Anya Sharma: …": an interview transcript, where the same short
 * label opens two paragraphs or more.
 */
function transcriptLabel(scan: StatementScan, si: number, colon: number): number {
  const { doc } = scan;
  let first = si;
  while (first > 0 && !opensParagraph(doc, first)) first--;
  const s = doc.sentences[first];
  if (!s) return -1;
  if (!scan.labels) {
    scan.labels = new Map();
    doc.sentences.forEach((x, i) => {
      if (!opensParagraph(doc, i)) return;
      const label = labelOf(doc, x.from);
      if (label?.key) scan.labels?.set(label.key, (scan.labels.get(label.key) ?? 0) + 1);
    });
  }
  const label = labelOf(doc, s.from);
  return label != null && label.colon === colon && (scan.labels.get(label.key) ?? 0) >= 2 ? s.from : -1;
}

/** The short label before the colon that opens a paragraph ("Editor:"), and that colon. */
function labelOf(doc: Doc, from: number): { key: string; colon: number } | null {
  const { tokens } = doc;
  for (let k = from; k < Math.min(tokens.count, from + 6); k++) {
    if (tokens.value[k] === ':') {
      return k > from ? { key: tokens.lower.slice(from, k).join(' '), colon: k } : null;
    }
    if (
      k === from
        ? !/^\p{Lu}/u.test(tokens.value[k] ?? '')
        : /^(VERB|AUX|ADP|SCONJ)$/.test(tokens.pos[k] ?? '')
    )
      return null;
  }
  return null;
}

/** A short capitalised name whose last word appears again inside a sentence of the body. */
function recurringName(doc: Doc, from: number, to: number): boolean {
  const { tokens, sentences } = doc;
  if (to - from > 4) return false;
  for (let k = from; k < to; k++) {
    if (!/^\p{Lu}/u.test(tokens.value[k] ?? '') || tokens.pos[k] === 'DET') return false;
  }
  const last = (tokens.lower[to - 1] ?? '').replace(/\.$/, '');
  if (last.length < 3) return false;
  for (let k = to; k < tokens.count; k++) {
    if ((tokens.lower[k] ?? '').replace(/\.$/, '') !== last || !/^\p{Lu}/u.test(tokens.value[k] ?? ''))
      continue;
    const s = sentences[tokens.sentence[k] ?? -1];
    // Inside running prose: not the first words of a line, in a sentence that ends with a full stop.
    if (s && k - s.from >= 1 && /^[.!?"”]$/.test(tokens.value[s.to - 1] ?? '') && s.to - s.from > 6)
      return true;
  }
  return false;
}
