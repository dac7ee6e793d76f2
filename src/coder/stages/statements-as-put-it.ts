/** "As Lavrov put it, …" / "…, as the minister said.": the speaker after "as", the words around it. */
import { contentEnd, trimEnd } from './statements-content.js';
import type { StatementScan } from './statements-scan.js';
import { addReported } from './statements-record.js';
import { skipSetting } from './statements-setting.js';
import { npStartingAt } from './statements-speaker.js';
import { speakerFrom } from './statements-subject.js';

/** "as Lavrov put it, …" / "…, as the minister said." */
export function asPutItCue(scan: StatementScan, k: number, si: number, lo: number, to: number): void {
  const { doc } = scan;
  const { tokens } = doc;
  const npEnd = npStartingAt(doc, k + 1, to, false);
  if (npEnd < 0) return;
  let v = npEnd;
  while (v < to && (tokens.pos[v] === 'ADV' || tokens.pos[v] === 'AUX')) v++;
  const lemma = tokens.lemma[v] ?? '';
  const putIt = lemma === 'put' && tokens.lower[v + 1] === 'it';
  const asVerbs = ['note', 'write', 'add', 'state', 'report', 'point', 'tell'];
  if (!putIt && !(tokens.pos[v] === 'VERB' && (doc.lexicon.say_verbs.has(lemma) || asVerbs.includes(lemma))))
    return;
  const cueEnd = putIt ? v + 2 : v + 1;
  let after = skipSetting(doc, cueEnd, to);
  const speaker = speakerFrom(doc, k + 1, npEnd);
  let parts: [number, number][];
  if (k > lo && tokens.value[k - 1] === ',') parts = [[lo, trimEnd(scan, lo, k - 1)]];
  else if (k <= lo + 1 && tokens.value[after] === ',') {
    after++;
    parts = [[after, contentEnd(scan, after, to)]];
  } else return;
  addReported(scan, speaker, [v, cueEnd], parts, si);
}
