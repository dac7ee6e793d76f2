/**
 * The statements as the coded article gives them: token ranges become character spans and text,
 * with the speaker as an actor, the actors the words are about and their tone.
 */
import type { Doc } from '../doc.js';
import type { CodedStatement, Span, StatementActorRef } from '../types.js';
import { toCodedActor } from './assemble.js';
import { linkEvents } from './statements-link.js';
import type { StatementScan } from './statements-scan.js';

/** The statements in the order of their cues, numbered in that order. */
export function toCodedStatements(scan: StatementScan): CodedStatement[] {
  const { doc } = scan;
  const { tokens } = doc;
  const out: CodedStatement[] = [];
  const sorted = [...scan.candidates].sort((a, b) => a.cue[0] - b.cue[0]);
  for (const c of sorted) {
    const parts: Span[] = c.parts
      .filter(([a, b]) => b > a)
      .map(([a, b]) => [tokens.start[a] ?? 0, tokens.end[b - 1] ?? 0] as Span)
      .sort((x, y) => x[0] - y[0]);
    if (parts.length === 0) continue;
    const first = parts[0] as Span;
    const last = parts[parts.length - 1] as Span;
    const hull: Span = [first[0], last[1]];
    const cueSpan: Span = [tokens.start[c.cue[0]] ?? 0, tokens.end[c.cue[1] - 1] ?? 0];
    const speakerSpan: Span = [tokens.start[c.speaker.from] ?? 0, tokens.end[c.speaker.to - 1] ?? 0];
    const actor = c.speaker.actor;
    const id = `${doc.article.id}#s${out.length + 1}`;
    const statement: CodedStatement = {
      id,
      speaker: actor ? { ...toCodedActor(actor) } : null,
      cue: { text: doc.text.slice(cueSpan[0], cueSpan[1]), span: cueSpan },
      content: {
        text: parts.map(([a, b]) => doc.text.slice(a, b)).join(' … '),
        span: hull,
      },
      kind: c.kind,
      about: aboutActors(doc, c.parts, actor?.key),
      tone: tone(doc, c.parts),
      sentence: c.sentence,
      events: [],
      speakerPhrase: { text: doc.text.slice(speakerSpan[0], speakerSpan[1]), span: speakerSpan },
    };
    if (parts.length > 1) statement.contentParts = parts;
    linkEvents(doc, statement, parts, cueSpan);
    out.push(statement);
  }
  return out;
}

/** The actors named in the words, other than the speaker, each once. */
function aboutActors(
  doc: Doc,
  parts: [number, number][],
  speakerKey: string | undefined,
): StatementActorRef[] {
  const about = new Map<string, string>();
  for (const [a, b] of parts) {
    for (let k = a; k < b; k++) {
      const p = doc.phrases[doc.phraseAt[k] ?? -1];
      if (!p || p.from !== k) continue;
      for (const x of p.actors) if (x.key !== speakerKey) about.set(x.key, x.name);
    }
  }
  return [...about].map(([key, name]) => ({ key, name }));
}

/** Mean sentiment of the sentences the content lies in, weighted by its tokens in each. */
function tone(doc: Doc, parts: [number, number][]): number {
  const { tokens, sentences } = doc;
  let sum = 0;
  let weight = 0;
  for (const [a, b] of parts) {
    for (let k = a; k < b; k++) {
      const s = sentences[tokens.sentence[k] ?? -1];
      if (!s) continue;
      sum += s.sentiment;
      weight++;
    }
  }
  return weight === 0 ? 0 : Math.round((sum / weight) * 100) / 10;
}
