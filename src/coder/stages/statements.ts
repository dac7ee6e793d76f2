/**
 * Statements stage: who said what, about whom. Finds direct quotes (in any quote marks, split or
 * continued across sentences and paragraphs) and reported speech ("Lavrov said the West was to
 * blame", "according to the ministry", "X accused Y of …", "as Y put it"), each with its speaker
 * (resolved to an actor where the article names one), cue, content, the actors it is about and its
 * tone, and links each statement to the events it constitutes or reports.
 *
 * Runs after events; it sets `statement` on the events it links (the only change it makes to them).
 */
import type { Doc } from '../doc.js';
import type { CodedStatement } from '../types.js';
import { accordingToCue } from './statements-according.js';
import { asPutItCue } from './statements-as-put-it.js';
import { colonCue } from './statements-colon.js';
import { clauseStart } from './statements-content.js';
import { continueQuotes } from './statements-continued.js';
import { toCodedStatements } from './statements-output.js';
import { inSpeech, startScan } from './statements-scan.js';
import { verbCue } from './statements-verb-cue.js';

/**
 * Tries the cue patterns at every token in text order (a statement found earlier decides later
 * ones), then joins quotations that go on with a statement, then gives the statements in order.
 * Each pattern gets the cue token, its sentence, the start of its clause (a colon: of its sentence)
 * and the sentence's end.
 */
export function findStatements(doc: Doc): CodedStatement[] {
  const scan = startScan(doc);
  doc.sentences.forEach((s, si) => {
    const lo = clauseStart(doc, si);
    for (let v = s.from; v < s.to; v++) {
      if (inSpeech(scan, v) || scan.cueTaken[v] || scan.inTurn[v]) continue;
      const w = doc.tokens.lower[v] ?? '';
      if (w === 'according' && doc.tokens.lower[v + 1] === 'to') accordingToCue(scan, v, si, lo, s.to);
      else if (w === ':') colonCue(scan, v, si, s.from, s.to);
      else if (w === 'as') asPutItCue(scan, v, si, lo, s.to);
      else verbCue(scan, v, si, lo, s.to);
    }
  });
  continueQuotes(scan);
  return toCodedStatements(scan);
}
