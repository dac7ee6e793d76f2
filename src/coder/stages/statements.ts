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
import type { CodedStatement, Span } from '../types.js';
import { toCodedActor } from './assemble.js';
import { SPEECH_ACT_ROOTS } from './statements-lexicon.js';
import { clauseStart } from './statements-content.js';
import type { Quote } from './statements-quotes.js';
import { inSpeech, startScan, type Candidate, type StatementScan } from './statements-scan.js';
import { according } from './statements-according.js';
import { asPutIt } from './statements-as-put-it.js';
import { colon } from './statements-colon.js';
import { verbCue } from './statements-verb-cue.js';

export function findStatements(doc: Doc): CodedStatement[] {
  return new StatementFinder(doc).run();
}

class StatementFinder {
  private readonly scan: StatementScan;

  constructor(private readonly doc: Doc) {
    this.scan = startScan(doc);
  }

  run(): CodedStatement[] {
    const { doc } = this;
    doc.sentences.forEach((s, si) => {
      const lo = clauseStart(this.doc, si);
      for (let v = s.from; v < s.to; v++) {
        if (inSpeech(this.scan, v) || this.scan.cueTaken[v] || this.scan.inTurn[v]) continue;
        const w = doc.tokens.lower[v] ?? '';
        if (w === 'according' && doc.tokens.lower[v + 1] === 'to') according(this.scan, v, si, lo, s.to);
        else if (w === ':') colon(this.scan, v, si, s.from, s.to);
        else if (w === 'as') asPutIt(this.scan, v, si, lo, s.to);
        else verbCue(this.scan, v, si, lo, s.to);
      }
    });
    this.continueQuotes();
    return this.build();
  }

  // ---------------------------------------------------------------- continued quotes

  /** "“…,” he said. “…”" and a quote that goes on in the next paragraph belong to the same statement. */
  private continueQuotes(): void {
    const { tokens } = this.doc;
    const ordered = [...this.scan.candidates].sort((a, b) => a.cue[0] - b.cue[0]);
    ordered.forEach((c, i) => {
      const after = ordered[i + 1];
      const limit = after
        ? Math.min(after.cue[0], after.speaker.from, ...after.parts.map((p) => p[0]))
        : tokens.count;
      let lastEnd = Math.max(
        c.cue[1],
        c.speaker.to,
        ...c.parts.map((p) => p[1]),
        ...c.quotes.map((q) => this.quoteEndToken(q)),
      );
      let next = this.scan.quotes.findIndex((q) => q.open >= lastEnd);
      while (next >= 0) {
        const q = this.scan.quotes[next];
        if (!q || !q.speech || this.scan.used.has(next) || q.open < 0 || q.open >= limit) break;
        if (!this.continues(c, lastEnd, q)) break;
        c.parts.push([q.from, q.to]);
        c.quotes.push(next);
        this.scan.used.add(next);
        lastEnd = this.quoteEndToken(next);
        next++;
      }
    });
  }

  /**
   * Whether the quotation `q` goes on with the statement whose words end before token `lastEnd`:
   * "“…,” he said, “…”" in the same sentence, "… he said. “…”" in the next one, or a paragraph
   * made only of the quotation right after.
   */
  private continues(c: Candidate, lastEnd: number, q: Quote): boolean {
    const { tokens, sentences } = this.doc;
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
      return c.kind === 'direct' || this.onlyQuote(q);
    }
    return q.block === lastBlock + 1 && this.isBlockStart(q.open) && this.onlyQuote(q);
  }

  private quoteEndToken(q: number): number {
    const quote = this.scan.quotes[q];
    if (!quote) return 0;
    return quote.close >= 0 ? quote.close + 1 : quote.to;
  }

  private isBlockStart(k: number): boolean {
    const si = this.doc.tokens.sentence[k] ?? -1;
    const s = this.doc.sentences[si];
    const prev = this.doc.sentences[si - 1];
    return s != null && s.from === k && (prev == null || prev.block !== s.block);
  }

  /** The quote fills its paragraph (no cue of its own around it). */
  private onlyQuote(q: Quote): boolean {
    const { tokens } = this.doc;
    const end = q.close >= 0 ? q.close + 1 : q.to;
    const si = tokens.sentence[end - 1] ?? -1;
    let k = end;
    while (k < tokens.count && tokens.sentence[k] === si && tokens.pos[k] === 'PUNCT') k++;
    const s = this.doc.sentences[si];
    return !s || k >= s.to;
  }

  // ---------------------------------------------------------------- output

  private build(): CodedStatement[] {
    const { doc } = this;
    const { tokens } = doc;
    const out: CodedStatement[] = [];
    const sorted = [...this.scan.candidates].sort((a, b) => a.cue[0] - b.cue[0]);
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
      const about = new Map<string, string>();
      for (const [a, b] of c.parts) {
        for (let k = a; k < b; k++) {
          const p = doc.phrases[doc.phraseAt[k] ?? -1];
          if (!p || p.from !== k) continue;
          for (const x of p.actors) if (x.key !== actor?.key) about.set(x.key, x.name);
        }
      }
      const statement: CodedStatement = {
        id,
        speaker: actor ? { ...toCodedActor(actor) } : null,
        cue: { text: doc.text.slice(cueSpan[0], cueSpan[1]), span: cueSpan },
        content: {
          text: parts.map(([a, b]) => doc.text.slice(a, b)).join(' … '),
          span: hull,
        },
        kind: c.kind,
        about: [...about].map(([key, name]) => ({ key, name })),
        tone: this.tone(c.parts),
        sentence: c.sentence,
        events: [],
        speakerPhrase: { text: doc.text.slice(speakerSpan[0], speakerSpan[1]), span: speakerSpan },
      };
      if (parts.length > 1) statement.contentParts = parts;
      this.linkEvents(statement, parts, cueSpan);
      out.push(statement);
    }
    return out;
  }

  /** Mean sentiment of the sentences the content lies in, weighted by its tokens in each. */
  private tone(parts: [number, number][]): number {
    const { tokens, sentences } = this.doc;
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

  /**
   * An event whose action is the cue ("accused", "warned") or a speech act of the speaker inside
   * the words ("We demand …") is the statement itself; any event inside the words was said in it.
   */
  private linkEvents(s: CodedStatement, parts: Span[], cue: Span): void {
    const key = s.speaker?.key;
    for (const e of this.doc.events) {
      const [a, b] = e.action.span;
      const onCue = a < cue[1] && b > cue[0];
      const inside = parts.some(([x, y]) => a >= x && b <= y);
      if (!onCue && !inside) continue;
      const sameSpeaker = key != null && e.source.key === key;
      if (
        (onCue && (sameSpeaker || key == null)) ||
        (inside && sameSpeaker && SPEECH_ACT_ROOTS.has(e.root))
      ) {
        s.events.push(e.id);
        e.statement = s.id;
      } else if (inside && e.statement == null) e.statement = s.id;
    }
  }
}
