/**
 * Statements stage: direct quotes and reported speech with their speaker, cue and content.
 * A speech verb ("said", "told", "warned") with an actor as subject marks a statement; its content
 * is the quoted text next to it, or the clause that follows it.
 */
import type { Doc } from '../doc.js';
import type { CodedStatement, Span } from '../types.js';
import { toCodedActor, sentenceTone } from './assemble.js';
import { SPEECH_VERBS } from './modality.js';
import { relativeClauseMask, subjectOf, verbGroup, type ClauseContext } from './syntax.js';

const OPEN_QUOTES = new Set(['"', '“', '«', '„']);
const CLOSE_QUOTES = new Set(['"', '”', '»', '“']);

export function findStatements(doc: Doc): CodedStatement[] {
  const out: CodedStatement[] = [];
  const { tokens } = doc;
  doc.sentences.forEach((s, si) => {
    const ctx: ClauseContext = {
      doc,
      sentenceFrom: s.from,
      sentenceTo: s.to,
      relMask: relativeClauseMask(doc, s.from, s.to),
    };
    const quotes = quoteSpans(doc, s.from, s.to);
    for (let v = s.from; v < s.to; v++) {
      const isCue =
        (tokens.pos[v] === 'VERB' && SPEECH_VERBS.has(tokens.lemma[v] ?? '')) || isAccordingTo(doc, v);
      if (!isCue) continue;
      const according = isAccordingTo(doc, v);
      const cueEnd = according ? v + 2 : v + 1;
      let speakerPhrases = according
        ? phraseAfter(doc, cueEnd, s.to)
        : subjectOf(ctx, verbGroup(doc, v, s.from).from);
      if (!according && speakerPhrases.length === 0)
        speakerPhrases = phraseAfter(doc, v + 1, Math.min(s.to, v + 4));
      const speakerPhrase = speakerPhrases[0];
      const speaker = speakerPhrase?.actors[0] ?? null;
      const quote = nearestQuote(quotes, tokens.start[v] ?? 0);
      let content: Span | null = null;
      let kind: CodedStatement['kind'] = 'reported';
      if (quote) {
        content = quote;
        kind = 'direct';
      } else if (according) {
        content = [s.span[0], tokens.start[v] ?? s.span[0]];
      } else {
        let from = v + 1;
        if (tokens.lower[from] === 'that') from++;
        if (from < s.to - 1)
          content = [tokens.start[from] ?? 0, tokens.end[s.to - 2] ?? tokens.end[s.to - 1] ?? 0];
      }
      if (!content || content[1] - content[0] < 8 || !speaker) continue;
      const [c0, c1] = content;
      const about = new Map<string, string>();
      for (const p of doc.phrases) {
        const at = tokens.start[p.from] ?? 0;
        if (p.sentence !== si || at < c0 || at >= c1) continue;
        for (const a of p.actors) if (a.key !== speaker.key) about.set(a.key, a.name);
      }
      out.push({
        id: `${doc.article.id}#s${out.length + 1}`,
        speaker: toCodedActor(speaker),
        cue: {
          text: doc.text.slice(tokens.start[v], tokens.end[cueEnd - 1]),
          span: [tokens.start[v] ?? 0, tokens.end[cueEnd - 1] ?? 0],
        },
        content: { text: doc.text.slice(c0, c1), span: content },
        kind,
        about: [...about].map(([key, name]) => ({ key, name })),
        tone: sentenceTone(doc, si),
        sentence: si,
        events: doc.events
          .filter((e) => e.sentence === si && (e.action.span[0] ?? 0) >= c0 && (e.action.span[1] ?? 0) <= c1)
          .map((e) => e.id),
      });
    }
  });
  return out;
}

function isAccordingTo(doc: Doc, i: number): boolean {
  return doc.tokens.lower[i] === 'according' && doc.tokens.lower[i + 1] === 'to';
}

function phraseAfter(doc: Doc, from: number, to: number) {
  for (let k = from; k < to; k++) {
    const pi = doc.phraseAt[k] ?? -1;
    if (pi >= 0) return [doc.phrases[pi]].filter((p) => p !== undefined);
  }
  return [];
}

function quoteSpans(doc: Doc, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let k = from; k < to; k++) {
    const v = doc.tokens.value[k] ?? '';
    if (open < 0 && OPEN_QUOTES.has(v)) open = k;
    else if (open >= 0 && CLOSE_QUOTES.has(v)) {
      if (k - open > 3) spans.push([doc.tokens.end[open] ?? 0, doc.tokens.start[k] ?? 0]);
      open = -1;
    }
  }
  return spans;
}

function nearestQuote(quotes: Span[], at: number): Span | null {
  let best: Span | null = null;
  let bestDistance = Infinity;
  for (const q of quotes) {
    const d = at < q[0] ? q[0] - at : at > q[1] ? at - q[1] : 0;
    if (d < bestDistance && d < 40) {
      best = q;
      bestDistance = d;
    }
  }
  return best;
}
