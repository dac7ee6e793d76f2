/**
 * Recording what a cue pattern found: the statement joins the scan, its cue tokens and quotations
 * are taken, and a "he" or "she" who speaks becomes the person who last spoke.
 */
import type { Doc } from '../doc.js';
import type { Quote } from './statements-quotes.js';
import type { Candidate, StatementScan } from './statements-scan.js';
import { headActor, type Speaker } from './statements-speaker.js';

/** One quotation, whole, as the direct words of `speaker`. */
export function addQuote(
  scan: StatementScan,
  speaker: Speaker,
  cue: [number, number],
  quote: number,
  sentence: number,
): void {
  const q = scan.quotes[quote] as Quote;
  add(scan, { speaker, cue, parts: [[q.from, q.to]], kind: 'direct', sentence, quotes: [quote] });
}

/** Words that are no quotation, reported as the speaker's. */
export function addReported(
  scan: StatementScan,
  speaker: Speaker,
  cue: [number, number],
  parts: [number, number][],
  sentence: number,
): void {
  add(scan, { speaker, cue, parts, kind: 'reported', sentence, quotes: [] });
}

/** Words found before their cue: direct when they are a quotation, else reported. */
export function addContent(
  scan: StatementScan,
  speaker: Speaker,
  cue: [number, number],
  content: { quote: number },
  parts: [number, number][],
  sentence: number,
): void {
  const direct = content.quote >= 0;
  add(scan, {
    speaker,
    cue,
    parts,
    kind: direct ? 'direct' : 'reported',
    sentence,
    quotes: direct ? [content.quote] : [],
  });
}

export function add(scan: StatementScan, c: Candidate): void {
  if (c.parts.length === 0 || c.parts.every(([a, b]) => b <= a)) return;
  pronounSpeaker(scan, c);
  for (let k = c.cue[0]; k < c.cue[1]; k++) scan.cueTaken[k] = 1;
  for (const q of c.quotes) scan.used.add(q);
  scan.candidates.push(c);
}

/**
 * "Michael McFaul … emphasizes … “…,” he argues": "he" and "she" are the last person who spoke
 * in the last few sentences, before any person merely mentioned (whom the phrase resolution knows).
 */
function pronounSpeaker(scan: StatementScan, c: Candidate): void {
  const { doc } = scan;
  if (!isHeOrShe(doc, c.speaker)) return;
  for (let i = scan.candidates.length - 1; i >= 0; i--) {
    const prev = scan.candidates[i] as Candidate;
    if (c.sentence - prev.sentence > 3) break;
    if (prev.speaker.from >= c.speaker.from) continue;
    if (!personLike(doc, prev.speaker)) continue;
    // A person named after that speaker and before the pronoun is the nearer antecedent.
    const own = c.speaker.actor;
    if (own?.personRef != null && namedBetween(doc, own.personRef, prev.speaker.to, c.speaker.from)) return;
    const span: [number, number] = [
      doc.tokens.start[c.speaker.from] ?? 0,
      doc.tokens.end[c.speaker.from] ?? 0,
    ];
    const text = doc.text.slice(span[0], span[1]);
    c.speaker.actor = prev.speaker.actor ? { ...prev.speaker.actor, span, text } : null;
    return;
  }
}

function isHeOrShe(doc: Doc, s: Speaker): boolean {
  const w = doc.tokens.lower[s.from] ?? '';
  return s.to - s.from === 1 && (w === 'he' || w === 'she');
}

function namedBetween(doc: Doc, personRef: number, from: number, to: number): boolean {
  for (const p of doc.phrases) {
    if (p.from >= to) break;
    if (p.from >= from && !p.viaCoreference && p.actors.some((a) => a.personRef === personRef)) return true;
  }
  return false;
}

function personLike(doc: Doc, s: Speaker): boolean {
  if (s.actor?.person) return true;
  if (isHeOrShe(doc, s)) return true;
  if (headActor(doc, s.from, s.to)) return false;
  return doc.tokens.pos[s.from] === 'PROPN' && doc.tokens.pos[s.from + 1] === 'PROPN';
}
