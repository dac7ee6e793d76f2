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
import {
  ADP_STOP,
  CUE_PARTICLES,
  DECLINED,
  DIRECTIVES,
  DOCUMENTS,
  HEARER_FIRST,
  SAY,
  SAY_IF_COMPLEMENT,
  SPEECH_ACT_ROOTS,
  STANCE,
} from './statements-lexicon.js';
import {
  clauseFollows,
  clauseStart,
  contentBefore,
  contentEnd,
  endsClause,
  openingBefore,
  SENTENCE_END,
  trimEnd,
} from './statements-content.js';
import type { Quote } from './statements-quotes.js';
import {
  inSpeech,
  quoteClosingAt,
  quoteEndingNear,
  quoteOpeningAt,
  startScan,
  type Candidate,
  type StatementScan,
} from './statements-scan.js';
import { add, addContent, addQuote } from './statements-record.js';
import { skipSetting } from './statements-setting.js';
import { speakerFrom, subjectBefore, subjectBeforeSimple } from './statements-subject.js';
import { headActor, isSpeakerPronoun, npEndingAt, npStartingAt, type Speaker } from './statements-speaker.js';
import { isPassive, verbGroup } from './syntax.js';

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
        if (w === 'according' && doc.tokens.lower[v + 1] === 'to') this.according(v, si, lo, s.to);
        else if (w === ':') this.colon(v, si, s.from, s.to);
        else if (w === 'as') this.asPutIt(v, si, lo, s.to);
        else this.verbCue(v, si, lo, s.to);
      }
    });
    this.continueQuotes();
    return this.build();
  }

  // ---------------------------------------------------------------- helpers

  // ---------------------------------------------------------------- cue patterns

  /** "according to the ministry". */
  private according(v: number, si: number, lo: number, to: number): void {
    const { tokens } = this.doc;
    const end = npStartingAt(this.doc, v + 2, to, false, true);
    if (end < 0) return;
    const speaker = speakerFrom(this.doc, v + 2, end);
    const cue: [number, number] = [v, v + 2];
    const before = v - 1;
    let parts: [number, number][] = [];
    let kind: Candidate['kind'] = 'reported';
    const quotes: number[] = [];
    const qBefore = quoteEndingNear(this.scan, before, lo);
    if (qBefore >= 0 && !this.scan.used.has(qBefore)) {
      const q = this.scan.quotes[qBefore] as Quote;
      parts = [[q.from, q.to]];
      kind = 'direct';
      quotes.push(qBefore);
    } else if (v > lo && (tokens.value[before] === ',' || tokens.value[before] === '—')) {
      let start = lo;
      // "X, Y said, according to …": content is what precedes the first attribution.
      while (start < before && /^[“"‘«]$/.test(tokens.value[start] ?? '')) start++;
      parts = [[start, trimEnd(this.scan, start, before)]];
    } else {
      // "According to the ministry, …" / "… according to the ministry."
      let k = end;
      if (tokens.value[k] === ',') k++;
      if (k < to - 1 && v <= lo + 1) parts = [[k, contentEnd(this.scan, k, to)]];
      else if (v > lo) parts = [[lo, trimEnd(this.scan, lo, v)]];
    }
    add(this.scan, { speaker, cue, parts, kind, sentence: si, quotes });
  }

  /** "WikiLeaks: Hillary Clinton Flattered Obama" (a headline) or "Lavrov: “…”". */
  private colon(k: number, si: number, from: number, to: number): void {
    const { doc } = this;
    const { tokens } = doc;
    const labelStart = this.transcriptLabel(si, k);
    const label = labelStart >= 0;
    if (label) from = labelStart;
    if (k - from > 8 || k === from) return;
    const s = doc.sentences[si];
    const next = k + 1;
    const qAfter = quoteOpeningAt(this.scan, next);
    const headline =
      s != null &&
      s.from === from &&
      (si === 0 || doc.sentences[si - 1]?.block !== s.block) &&
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
    if (qAfter < 0 && !label && !headActor(doc, from, k) && !this.recurringName(from, k)) return;
    const speaker = speakerFrom(this.doc, from, k);
    if (qAfter >= 0) {
      const q = this.scan.quotes[qAfter] as Quote;
      add(this.scan, {
        speaker,
        cue: [k, k + 1],
        parts: [[q.from, q.to]],
        kind: 'direct',
        sentence: si,
        quotes: [qAfter],
      });
      return;
    }
    // A transcript turn ("Dr. Anya Sharma: First, seek out …") runs to the end of its paragraph.
    let last = si;
    while (label && doc.sentences[last + 1]?.block === s?.block) last++;
    const end = trimEnd(this.scan, next, doc.sentences[last]?.to ?? to);
    if (end - next < 2) return;
    if (label) this.scan.inTurn.fill(1, next, end);
    add(this.scan, {
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
  private transcriptLabel(si: number, colon: number): number {
    const { doc } = this;
    let first = si;
    while (first > 0 && doc.sentences[first - 1]?.block === doc.sentences[si]?.block) first--;
    const s = doc.sentences[first];
    if (!s) return -1;
    if (!this.scan.labels) {
      this.scan.labels = new Map();
      doc.sentences.forEach((x, i) => {
        if (i > 0 && doc.sentences[i - 1]?.block === x.block) return;
        const key = this.labelOf(x.from);
        if (key) this.scan.labels?.set(key, (this.scan.labels.get(key) ?? 0) + 1);
      });
    }
    const key = this.labelOf(s.from);
    return key != null && this.labelAt === colon && (this.scan.labels.get(key) ?? 0) >= 2 ? s.from : -1;
  }

  private labelAt = -1;

  private labelOf(from: number): string | null {
    const { tokens } = this.doc;
    for (let k = from; k < Math.min(tokens.count, from + 6); k++) {
      if (tokens.value[k] === ':') {
        this.labelAt = k;
        return k > from ? tokens.lower.slice(from, k).join(' ') : null;
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
  private recurringName(from: number, to: number): boolean {
    const { tokens, sentences } = this.doc;
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

  /** "as Lavrov put it, …" / "…, as the minister said." */
  private asPutIt(k: number, si: number, lo: number, to: number): void {
    const { doc } = this;
    const { tokens } = doc;
    const npEnd = npStartingAt(doc, k + 1, to, false);
    if (npEnd < 0) return;
    let v = npEnd;
    while (v < to && (tokens.pos[v] === 'ADV' || tokens.pos[v] === 'AUX')) v++;
    const lemma = tokens.lemma[v] ?? '';
    const putIt = lemma === 'put' && tokens.lower[v + 1] === 'it';
    const asVerbs = ['note', 'write', 'add', 'state', 'report', 'point', 'tell'];
    if (!putIt && !(tokens.pos[v] === 'VERB' && (SAY.has(lemma) || asVerbs.includes(lemma)))) return;
    const cueEnd = putIt ? v + 2 : v + 1;
    let after = skipSetting(this.doc, cueEnd, to);
    const speaker = speakerFrom(this.doc, k + 1, npEnd);
    let parts: [number, number][];
    if (k > lo && tokens.value[k - 1] === ',') parts = [[lo, trimEnd(this.scan, lo, k - 1)]];
    else if (k <= lo + 1 && tokens.value[after] === ',') {
      after++;
      parts = [[after, contentEnd(this.scan, after, to)]];
    } else return;
    add(this.scan, { speaker, cue: [v, cueEnd], parts, kind: 'reported', sentence: si, quotes: [] });
  }

  private verbCue(v: number, si: number, lo: number, to: number): void {
    const { doc } = this;
    const { tokens } = doc;
    const lemma = tokens.lemma[v] ?? '';
    const w = tokens.lower[v] ?? '';
    const pos = tokens.pos[v] ?? '';
    // Almost every token is no verb of saying: settle that before the costlier tests below.
    const strong = SAY.has(lemma);
    const weak = !strong && (SAY_IF_COMPLEMENT.has(lemma) || STANCE.has(lemma));
    if (!strong && !weak) return;
    const sayForm = w === 'says' || w === 'said';
    // "polls show her leading": after a plural subject the tagger may read the cue as a noun.
    const nounCue =
      pos === 'NOUN' &&
      /^(NOUN|PROPN)$/.test(tokens.pos[v - 1] ?? '') &&
      (/s$/.test(tokens.lower[v - 1] ?? '') ||
        (tokens.pos[v - 1] === 'PROPN' && /^(says|reports|writes|notes|adds)$/.test(w))) &&
      (tokens.lower[v + 1] === 'that' ||
        /^(DET|PRON|NUM|ADJ)$/.test(tokens.pos[v + 1] ?? '') ||
        (SENTENCE_END.test(tokens.value[v + 1] ?? '') && tokens.value[v - 3] === ','));
    if (pos !== 'VERB' && !(sayForm && pos !== 'ADJ') && !nounCue) return;
    // "China demanded that Japan apologise": what someone is asked to say is not said yet.
    const last = this.scan.candidates[this.scan.candidates.length - 1];
    if (
      last &&
      last.sentence === si &&
      DIRECTIVES.has(tokens.lemma[last.cue[1] - 1] ?? '') &&
      last.parts.some(([a, b]) => v >= a && v < b)
    )
      return;

    // "showing no sign of stopping" is no attribution.
    if (lemma === 'show' && /^(no|little|any|some|signs?)$/.test(tokens.lower[v + 1] ?? '')) {
      const n = /^signs?$/.test(tokens.lower[v + 1] ?? '') ? v + 1 : v + 2;
      if (/^signs?$/.test(tokens.lower[n] ?? '')) return;
    }
    const group = verbGroup(doc, v, lo);
    let cueFrom = group.from;
    // "to publicly name" keeps its "to"; a leading subject pronoun never belongs to the group.
    while (cueFrom < v && isSpeakerPronoun(doc, cueFrom)) cueFrom++;
    let cueTo = v + 1;
    if (CUE_PARTICLES[lemma]?.includes(tokens.lower[v + 1] ?? '')) cueTo++;

    // "are to blame" is no cue; "continues to deny" takes the subject of "continues", while a noun's
    // infinitive ("the right to know", "failure to recognise") says nothing.
    const be = ['be', 'is', 'are', 'was', 'were', 'been'];
    if (group.words.includes('to') && group.words.some((x) => be.includes(x))) return;
    let subjectLimit = cueFrom;
    if (group.words[0] === 'to') {
      const g = group.from - 1;
      if (w !== lemma && !(lemma === 'be' || w === 'put')) return; // "to questions" is no infinitive
      if (g < lo || (tokens.pos[g] !== 'VERB' && tokens.pos[g] !== 'AUX')) return;
      subjectLimit = verbGroup(doc, g, lo).from;
    }
    // "was quoted as saying".
    if (lemma === 'say' && tokens.lower[v - 1] === 'as' && tokens.lemma[v - 2] === 'quote') {
      const g2 = verbGroup(doc, v - 2, lo);
      cueFrom = v - 2;
      subjectLimit = g2.from;
    } else if (
      isPassive(doc, group) ||
      (/(ed|en)$/.test(w) &&
        tokens.lower[v + 1] === 'by' &&
        /^(NOUN|PROPN)$/.test(tokens.pos[cueFrom - 1] ?? ''))
    ) {
      this.passive(v, si, lo, to, cueFrom, cueTo);
      return;
    }

    // 1. Inverted: "…,” said Lavrov." / "…, says Fiona Hill, an expert."
    const prev = cueFrom - 1;
    const prevValue = prev >= lo ? (tokens.value[prev] ?? '') : '';
    const afterCue = cueTo;
    const inversionSlot =
      prev < (doc.sentences[si]?.from ?? lo) ||
      prevValue === ',' ||
      quoteClosingAt(this.scan, prev) >= 0 ||
      prevValue === '—';
    // "“…,” said Lavrov" — but never "told Lavrov": after "tell" comes the hearer.
    const noInversion = lemma === 'tell' || lemma === 'inform' || lemma === 'assure' || lemma === 'remind';
    if (inversionSlot && !noInversion && (strong || SAY_IF_COMPLEMENT.has(lemma))) {
      const npEnd = npStartingAt(doc, afterCue, to, true, true);
      if (npEnd > afterCue && tokens.lower[afterCue] !== 'that') {
        const tail = skipSetting(this.doc, npEnd, to);
        const endsHere =
          tail >= to ||
          SENTENCE_END.test(tokens.value[tail] ?? '') ||
          tokens.value[tail] === ',' ||
          quoteOpeningAt(this.scan, tail) >= 0;
        const content = contentBefore(this.scan, prev, lo);
        if (content && (endsHere || content.quote >= 0)) {
          addContent(
            this.scan,
            speakerFrom(this.doc, afterCue, npEnd),
            [cueFrom, cueTo],
            content,
            [content.part],
            si,
          );
          return;
        }
      }
    }

    // "Pence released a statement saying …": the author of the statement speaks.
    let speaker: Speaker | null = null;
    if (/ing$/.test(w) && cueFrom === v) {
      const head = v - 1;
      const start = npEndingAt(doc, head, lo);
      const verb = start - 1;
      if (start >= 0 && DOCUMENTS.has(tokens.lemma[head] ?? '') && tokens.pos[verb] === 'VERB') {
        const g = verbGroup(doc, verb, lo);
        speaker = subjectBeforeSimple(this.doc, g.from, lo);
        if (speaker) cueFrom = g.from;
      }
    }
    // 2. The subject before the verb.
    speaker ??= subjectBefore(this.scan, subjectLimit, lo, v);
    if (!speaker) return;
    const speakerStart = speaker.from;

    // Content after the cue.
    let k = skipSetting(this.doc, cueTo, to);
    // "said, in an email, that …".
    if (tokens.value[k] === ',') {
      const j = skipSetting(this.doc, k + 1, to);
      if (
        j > k + 1 &&
        tokens.value[j] === ',' &&
        (tokens.lower[j + 1] === 'that' || quoteOpeningAt(this.scan, j + 1) >= 0)
      )
        k = j + 1;
    }
    // "“…,” a smiling Clinton said before introducing Perry": the quotation just before is the
    // content (and "“…,” Blinken said, “…”" continues it, see continueQuotes).
    const quoteBefore = tokens.lower[k] === 'that' ? -1 : quoteEndingNear(this.scan, speakerStart - 1, lo);
    if (quoteBefore >= 0 && !this.scan.used.has(quoteBefore)) {
      addQuote(this.scan, speaker, [cueFrom, cueTo], quoteBefore, si);
      return;
    }
    if (HEARER_FIRST.has(lemma) && k < to && tokens.lower[k] !== 'that' && quoteOpeningAt(this.scan, k) < 0) {
      const hearerEnd = npStartingAt(doc, k, to, false);
      if (hearerEnd > k) {
        const h = skipSetting(this.doc, hearerEnd, to);
        if (
          tokens.lower[h] === 'that' ||
          quoteOpeningAt(this.scan, h) >= 0 ||
          quoteOpeningAt(this.scan, h + 1) >= 0 ||
          tokens.value[h] === ':'
        )
          k = h;
        // "urged Congress to act", "warned Iran of …": the hearer stays in the content.
        else if (tokens.lower[h] === 'to' || tokens.lower[h] === 'of' || tokens.lower[h] === 'about') {
          /* keep k */
        } else if (lemma === 'tell' && clauseFollows(this.doc, h, to)) k = h;
        // "…, Mnuchin told The Washington Post earlier this week.": the words came before.
        else if (endsClause(doc, h, to)) k = h;
      }
    }
    // "agreed with Biden that …", "explained to reporters that …".
    if (tokens.lower[k] === 'with' || tokens.lower[k] === 'to') {
      const e = npStartingAt(doc, k + 1, to, false);
      if (e > k + 1 && tokens.lower[e] === 'that') k = e;
    }
    // "warned of …", "complained about …": the preposition belongs to the cue.
    if (k === cueTo && /^(of|about|against)$/.test(tokens.lower[k] ?? '') && k + 1 < to) {
      k++;
      cueTo = k;
    }
    let complement = false;
    let viaThat = false;
    if (tokens.lower[k] === 'that' && tokens.pos[k + 1] !== 'VERB' && tokens.pos[k + 1] !== 'AUX') {
      k++;
      complement = true;
      viaThat = true;
    } else if (
      tokens.value[k] === ':' ||
      (tokens.value[k] === ',' && quoteOpeningAt(this.scan, k + 1) >= 0)
    ) {
      k++;
      complement = true;
    }
    const qAfter = quoteOpeningAt(this.scan, k);
    if (qAfter >= 0 && !this.scan.used.has(qAfter)) {
      const q = this.scan.quotes[qAfter] as Quote;
      // "said that “…”": a whole quotation as the content.
      const afterQuote = q.close >= 0 ? q.close + 1 : q.to;
      const restEnd = trimEnd(this.scan, afterQuote, to);
      if (
        !viaThat ||
        restEnd <= afterQuote ||
        tokens.value[afterQuote] === ',' ||
        q.close < 0 ||
        tokens.sentence[q.close] !== si
      ) {
        addQuote(this.scan, speaker, [cueFrom, cueTo], qAfter, si);
        return;
      }
    }
    // "said to the group", "told reporters at the White House": a place or hearer, then the end
    // (the words came before), or a clause that is not the content ("agreed to pay" is no saying).
    // "appealed to the EU for more air defence", "pleaded with Iran to free them", "appealed for calm".
    const appeal = lemma === 'appeal' || lemma === 'plead';
    if (appeal && qAfter < 0 && /^(to|with|for)$/.test(tokens.lower[k] ?? '')) complement = true;
    if (qAfter < 0 && !complement && tokens.pos[k] === 'ADP' && ADP_STOP.has(tokens.lower[k] ?? '')) {
      const e = npStartingAt(doc, k + 1, to, false);
      const j = e > k + 1 ? skipSetting(this.doc, e, to) : -1;
      // "Voters say by a 7-point margin, 49 percent to 42 percent, that …".
      let that = -1;
      for (let m = j; m >= 0 && m < Math.min(to, j + 12); m++) {
        if (tokens.lower[m] === 'that' && tokens.pos[m] === 'SCONJ') that = m;
        if (that >= 0 || tokens.pos[m] === 'VERB' || tokens.pos[m] === 'AUX') break;
      }
      if (that >= 0) k = that + 1;
      else if (j >= 0 && endsClause(doc, j, to)) k = j;
      else return;
    }
    const atEnd =
      k >= to ||
      SENTENCE_END.test(tokens.value[k] ?? '') ||
      (tokens.value[k] === ',' && !complement) ||
      quoteClosingAt(this.scan, k) >= 0;
    if (atEnd) {
      // "…, Lavrov said." / "“…,” he said." / "The West, Lavrov said, is to blame."
      const rest = tokens.value[k] === ',' && k + 2 < to ? contentEnd(this.scan, k + 1, to) : -1;
      const parenthetical = rest > k + 2 && tokens.value[speakerStart - 1] === ',';
      const content =
        contentBefore(this.scan, speakerStart - 1, lo) ??
        (parenthetical ? openingBefore(this.scan, speakerStart - 1, lo) : null);
      if (!content) return;
      const parts = [content.part];
      if (parenthetical && content.quote < 0) parts.push([k + 1, rest]);
      addContent(this.scan, speaker, [cueFrom, cueTo], content, parts, si);
      return;
    }
    if (weak && !complement && qAfter < 0 && !this.weakComplement(lemma, v, k, to)) return;
    const end = contentEnd(this.scan, k, to);
    if (end <= k) return;
    add(this.scan, {
      speaker,
      cue: [cueFrom, cueTo],
      parts: [[k, end]],
      kind: 'reported',
      sentence: si,
      quotes: [],
    });
  }

  /** What a verb of the weak kind needs to be a cue: a clause, or for some verbs a fitting object. */
  private weakComplement(lemma: string, v: number, k: number, to: number): boolean {
    const { tokens } = this.doc;
    if (lemma === 'call') {
      if (CUE_PARTICLES.call?.includes(tokens.lower[v + 1] ?? '')) return true;
      // "called them cowards", "called Trump a liar": an object and a second noun phrase or adjective.
      const obj = npStartingAt(this.doc, k, to, false);
      if (obj < 0) return false;
      const second = obj < to ? tokens.pos[obj] : '';
      return (
        second === 'DET' ||
        second === 'ADJ' ||
        second === 'NOUN' ||
        quoteOpeningAt(this.scan, obj) >= 0 ||
        ((this.scan.quoteAt[obj] ?? -1) >= 0 && tokens.value[obj] !== ',')
      );
    }
    if (lemma === 'point') return tokens.lower[v + 1] === 'out';
    // "recalled 1.5 million toys made in China": the object's participle is no clause.
    if (lemma === 'recall') return /^(that|how|when)$/.test(tokens.lower[k] ?? '');
    // "declined to comment", "refused to say".
    if (lemma === 'decline') return tokens.lower[k] === 'to' && DECLINED.has(tokens.lemma[k + 1] ?? '');
    if (lemma === 'threaten' || lemma === 'appeal' || lemma === 'propose')
      return tokens.lower[k] === 'to' || clauseFollows(this.doc, k, to);
    return clauseFollows(this.doc, k, to);
  }

  /** "was welcomed by senior lawmakers": the agent speaks, the subject is the content. */
  private passive(v: number, si: number, lo: number, to: number, cueFrom: number, cueTo: number): void {
    const { doc } = this;
    const { tokens } = doc;
    if (!SAY.has(tokens.lemma[v] ?? '') && !STANCE.has(tokens.lemma[v] ?? '')) return;
    const k = skipSetting(this.doc, cueTo, to);
    if (tokens.lower[k] !== 'by') return;
    const end = npStartingAt(doc, k + 1, to, false);
    if (end < 0) return;
    const subj = npEndingAt(doc, cueFrom - 1, lo);
    if (subj < 0) return;
    add(this.scan, {
      speaker: speakerFrom(this.doc, k + 1, end),
      cue: [cueFrom, cueTo],
      parts: [[subj, cueFrom]],
      kind: 'reported',
      sentence: si,
      quotes: [],
    });
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
