/**
 * Statements and the events they are or report: an accusation or a demand coded as an event is
 * also a statement, and an event told inside someone's words was said by them.
 */
import type { Doc } from '../doc.js';
import type { CodedStatement, Span } from '../types.js';
import { SPEECH_ACT_ROOTS } from './statements-lexicon.js';

/**
 * An event whose action is the cue ("accused", "warned") or a speech act of the speaker inside
 * the words ("We demand …") is the statement itself; any event inside the words was said in it.
 */
export function linkEvents(doc: Doc, s: CodedStatement, parts: Span[], cue: Span): void {
  const key = s.speaker?.key;
  for (const e of doc.events) {
    const [a, b] = e.action.span;
    const onCue = a < cue[1] && b > cue[0];
    const inside = parts.some(([x, y]) => a >= x && b <= y);
    if (!onCue && !inside) continue;
    const sameSpeaker = key != null && e.source.key === key;
    if ((onCue && (sameSpeaker || key == null)) || (inside && sameSpeaker && SPEECH_ACT_ROOTS.has(e.root))) {
      s.events.push(e.id);
      e.statement = s.id;
    } else if (inside && e.statement == null) e.statement = s.id;
  }
}
