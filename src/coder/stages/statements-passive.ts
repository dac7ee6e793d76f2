/** "Was welcomed by senior lawmakers": a verb of saying in the passive, whose agent speaks. */
import type { StatementScan } from './statements-scan.js';
import { addReported } from './statements-record.js';
import { skipSetting } from './statements-setting.js';
import { npEndingAt, npStartingAt } from './statements-speaker.js';
import { speakerFrom } from './statements-subject.js';

/** "was welcomed by senior lawmakers": the agent speaks, the subject is the content. */
export function passiveCue(
  scan: StatementScan,
  v: number,
  si: number,
  lo: number,
  to: number,
  cueFrom: number,
  cueTo: number,
): void {
  const { doc } = scan;
  const { tokens } = doc;
  const { say_verbs, stance_verbs } = doc.lexicon;
  if (!say_verbs.has(tokens.lemma[v] ?? '') && !stance_verbs.has(tokens.lemma[v] ?? '')) return;
  const k = skipSetting(doc, cueTo, to);
  if (tokens.lower[k] !== 'by') return;
  const end = npStartingAt(doc, k + 1, to, false);
  if (end < 0) return;
  const subj = npEndingAt(doc, cueFrom - 1, lo);
  if (subj < 0) return;
  addReported(scan, speakerFrom(doc, k + 1, end), [cueFrom, cueTo], [[subj, cueFrom]], si);
}
