/**
 * "According to the ministry, …", "… according to the ministry", "“…”, according to the ministry":
 * the source after "according to", the words before it or after it.
 */
import { contentEnd, trimEnd } from './statements-content.js';
import type { Quote } from './statements-quotes.js';
import { quoteEndingNear, type Candidate, type StatementScan } from './statements-scan.js';
import { add } from './statements-record.js';
import { npStartingAt } from './statements-speaker.js';
import { speakerFrom } from './statements-subject.js';

/** "according to the ministry". */
export function accordingToCue(scan: StatementScan, v: number, si: number, lo: number, to: number): void {
  const { doc } = scan;
  const { tokens } = doc;
  const end = npStartingAt(doc, v + 2, to, false, true);
  if (end < 0) return;
  const speaker = speakerFrom(doc, v + 2, end);
  const cue: [number, number] = [v, v + 2];
  const before = v - 1;
  let parts: [number, number][] = [];
  let kind: Candidate['kind'] = 'reported';
  const quotes: number[] = [];
  const qBefore = quoteEndingNear(scan, before, lo);
  if (qBefore >= 0 && !scan.used.has(qBefore)) {
    const q = scan.quotes[qBefore] as Quote;
    parts = [[q.from, q.to]];
    kind = 'direct';
    quotes.push(qBefore);
  } else if (v > lo && (tokens.value[before] === ',' || tokens.value[before] === '—')) {
    let start = lo;
    // "X, Y said, according to …": content is what precedes the first attribution.
    while (start < before && /^[“"‘«]$/.test(tokens.value[start] ?? '')) start++;
    parts = [[start, trimEnd(scan, start, before)]];
  } else {
    // "According to the ministry, …" / "… according to the ministry."
    let k = end;
    if (tokens.value[k] === ',') k++;
    if (k < to - 1 && v <= lo + 1) parts = [[k, contentEnd(scan, k, to)]];
    else if (v > lo) parts = [[lo, trimEnd(scan, lo, v)]];
  }
  add(scan, { speaker, cue, parts, kind, sentence: si, quotes });
}
