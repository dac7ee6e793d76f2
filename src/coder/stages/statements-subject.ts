/**
 * Who speaks before the cue: the subject of the verb of saying ("Lavrov said", "Lisa Monaco,
 * Obama's adviser, said", "senior lawmakers, who also said"), the subject of the clause a
 * participle hangs on (", saying …"), or the speaker of an earlier cue in the sentence.
 */
import type { Doc, ResolvedActor } from '../doc.js';
import { hasVerb } from './statements-content.js';
import { inSpeech, type Candidate, type StatementScan } from './statements-scan.js';
import {
  affiliated,
  isSpeakerPronoun,
  isTimeNoun,
  npEndingAt,
  npStartingAt,
  propnLike,
  resolveSpeaker,
  SETTING_PREPOSITIONS,
  type Speaker,
} from './statements-speaker.js';
import { relativeClauseMask, subjectOf, verbGroup, type ClauseContext } from './syntax.js';

/** A relative pronoun alone ("who", "which", "that"), which speaks for its antecedent. */
function isRelativePronoun(doc: Doc, from: number, to: number): boolean {
  const w = doc.tokens.lower[from] ?? '';
  return to - from === 1 && (w === 'who' || w === 'which' || w === 'that');
}

/** The speaker of the phrase [from, to), resolved to an actor where the article names one. */
export function speakerFrom(doc: Doc, from: number, to: number): Speaker {
  let actor: ResolvedActor | null;
  if (isRelativePronoun(doc, from, to)) {
    // "senior lawmakers, who also said": the antecedent speaks.
    let k = from - 1;
    if (doc.tokens.value[k] === ',') k--;
    const start = npEndingAt(doc, k, doc.sentences[doc.tokens.sentence[from] ?? 0]?.from ?? 0);
    actor = start >= 0 ? resolveSpeaker(doc, start, k + 1) : null;
  } else actor = resolveSpeaker(doc, from, to);
  return { from, to, actor };
}

/** The speaker before a cue: a pronoun, a noun phrase (with an apposition), or who/which. */
export function subjectBefore(scan: StatementScan, cueFrom: number, lo: number, v: number): Speaker | null {
  const { doc } = scan;
  const { tokens } = doc;
  let k = cueFrom - 1;
  // "Obama on Tuesday accused", "Trump last week said": step over a setting phrase.
  for (let guard = 0; guard < 3 && k >= lo; guard++) {
    const start = npEndingAt(doc, k, lo);
    if (start < 0) break;
    const before = tokens.lower[start - 1] ?? '';
    const isSetting =
      (SETTING_PREPOSITIONS.has(before) && (isTimeNoun(doc, k) || tokens.pos[k] === 'PROPN')) ||
      ((tokens.lower[start] === 'last' || tokens.lower[start] === 'this') && isTimeNoun(doc, k));
    if (isSetting && start - 1 > lo) {
      k = SETTING_PREPOSITIONS.has(before) ? start - 2 : start - 1;
      continue;
    }
    break;
  }
  while (k >= lo && tokens.pos[k] === 'ADV') k--;
  if (k < lo) return participleSpeaker(scan, cueFrom, lo, v);
  // "wrote while acknowledging …", "before noting that …".
  if (
    /ing$/.test(tokens.lower[v] ?? '') &&
    /^(while|before|after|when|by|without)$/.test(tokens.lower[k] ?? '')
  )
    return participleSpeaker(scan, cueFrom, lo, v);
  // "to deflect blame": after another verb the cue word is a mis-tagged noun.
  if (tokens.pos[k] === 'VERB' && !propnLike(doc, k)) return null;
  // "Mr. Kelly said …, but said …": a verb coordinated with an earlier cue shares its speaker.
  if (tokens.pos[k] === 'CCONJ' && (tokens.lower[k] === 'and' || tokens.lower[k] === 'but')) {
    const si = tokens.sentence[v] ?? -1;
    const prev = scan.candidates[scan.candidates.length - 1];
    if (prev && prev.sentence === si && prev.cue[1] <= k) return { ...prev.speaker };
    // "He repeated his assertion … and said …": the subject of the verb before.
    return nearestClauseSubject(scan, lo, k);
  }
  const value = tokens.value[k] ?? '';
  if (value === ',' || value === ')') {
    // "Lisa Monaco, Obama's adviser, said" / "Lavrov, who …, said" / "…, saying".
    const app = apposition(doc, k, lo);
    if (app) return app;
    if (value === ',') {
      if (/ing$/.test(tokens.lower[v] ?? '')) return participleSpeaker(scan, cueFrom, lo, v);
      return clauseInitialSubject(scan, lo, cueFrom) ?? participleSpeaker(scan, cueFrom, lo, v);
    }
  }
  if (isSpeakerPronoun(doc, k)) {
    const w = tokens.lower[k] ?? '';
    if (w === 'that' || w === 'which' || w === 'who') {
      if (tokens.pos[k - 1] !== 'NOUN' && tokens.pos[k - 1] !== 'PROPN' && tokens.value[k - 1] !== ',')
        return null;
    }
    if (w === 'it' && tokens.lower[k - 1] === 'that') return null;
    return speakerFrom(doc, k, k + 1);
  }
  const start = npEndingAt(doc, k, lo);
  if (start < 0) return viaSyntax(doc, cueFrom, lo);
  const before = start - 1;
  const bw = before >= lo ? (tokens.lower[before] ?? '') : '';
  const bpos = before >= lo ? (tokens.pos[before] ?? '') : '';
  // The object of a preposition ("talks with Russia said") or of a verb is not the speaker.
  // …but "with analysts saying" has its subject after "with".
  const absolute = bw === 'with' && /ing$/.test(tokens.lower[v] ?? '') && k === cueFrom - 1;
  if (
    bpos === 'ADP' &&
    !absolute &&
    !['that', 'as', 'because', 'if', 'while', 'since', 'although'].includes(bw)
  ) {
    return viaSyntax(doc, cueFrom, lo);
  }
  return speakerFrom(doc, start, k + 1);
}

/** "X, an apposition, said" / "X, who …, said": the comma at `k` closes the inserted part. */
function apposition(doc: Doc, k: number, lo: number): Speaker | null {
  const { tokens } = doc;
  let j = k - 1;
  while (j >= lo && k - j < 25 && tokens.value[j] !== ',') j--;
  if (j < lo || tokens.value[j] !== ',') return null;
  const inner = j + 1;
  const first = tokens.lower[inner] ?? '';
  const headEnd = j - 1;
  const headStart = npEndingAt(doc, headEnd, lo);
  if (headStart < 0) return null;
  if (first === 'who' || first === 'which') {
    // "HuffPost Pollster, which aggregates polls, shows": the clause tells which source it is.
    const s = speakerFrom(doc, headStart, headEnd + 1);
    return { ...s, to: k };
  }
  for (let m = inner; m < k; m++) {
    const pos = tokens.pos[m] ?? '';
    if (pos === 'AUX') return null;
    // "director of speechwriting": a gerund after a preposition is a noun.
    if (pos === 'VERB' && !/(ed|en)$/.test(tokens.lower[m] ?? '') && tokens.pos[m - 1] !== 'ADP') return null;
  }
  // The head must start its clause.
  const b = tokens.lower[headStart - 1] ?? '';
  const bpos = tokens.pos[headStart - 1] ?? '';
  if (
    headStart > lo &&
    !(
      b === ',' ||
      b === 'and' ||
      b === 'but' ||
      b === 'that' ||
      bpos === 'PUNCT' ||
      bpos === 'SCONJ' ||
      (bpos === 'ADV' && headStart - 1 === lo) // "Now Brazile's CNN colleague, Jake Tapper, insists"
    )
  )
    return null;
  // "Michael McFaul, former US ambassador to Russia": a person the dictionary does not know speaks
  // for the side the apposition names.
  const own = resolveSpeaker(doc, headStart, headEnd + 1);
  const side = own ? null : resolveSpeaker(doc, inner, k);
  const actor = own ?? (side ? affiliated(doc, side, headStart, headEnd + 1) : null);
  return { from: headStart, to: k, actor };
}

/**
 * "Additionally, a UN spokesman in conversation with Ukraine's Foreign Minister, Dmytro Kuleba,
 * stated": the noun phrase that opens the clause, when no verb stands between it and the cue.
 */
function clauseInitialSubject(scan: StatementScan, lo: number, cueFrom: number): Speaker | null {
  const { doc } = scan;
  const { tokens } = doc;
  let start = lo;
  let comma = -1;
  for (let m = lo; m < cueFrom; m++)
    if (tokens.value[m] === ',') {
      comma = m;
      break;
    }
  if (comma > lo && /^(ADV|ADP|SCONJ|CCONJ)$/.test(tokens.pos[lo] ?? '')) {
    if (!hasVerb(doc, lo, comma)) start = comma + 1;
  }
  while (start < cueFrom && (tokens.pos[start] === 'CCONJ' || tokens.pos[start] === 'ADV')) start++;
  const end = npStartingAt(doc, start, cueFrom, false);
  if (end <= start || end >= cueFrom - 1) return null; // "Share your insights, ask …" is no subject
  for (let m = end; m < cueFrom; m++) {
    const pos = tokens.pos[m] ?? '';
    const val = tokens.value[m] ?? '';
    if (pos === 'VERB' || pos === 'AUX' || val === ';' || val === ':' || inSpeech(scan, m)) return null;
  }
  return speakerFrom(doc, start, end);
}

/** ", saying …", ", adding that …": the subject of the clause the participle hangs on. */
function participleSpeaker(scan: StatementScan, cueFrom: number, lo: number, v: number): Speaker | null {
  const { doc } = scan;
  const { tokens } = doc;
  const participle = /ing$/.test(tokens.lower[v] ?? '');
  if (!participle && tokens.value[cueFrom - 1] !== ',') return null;
  return (
    earlierSpeaker(scan, tokens.sentence[v] ?? -1, cueFrom) ?? nearestClauseSubject(scan, lo, cueFrom - 1)
  );
}

/** The speaker of an earlier cue of saying in the same sentence ("said …, adding …"). */
function earlierSpeaker(scan: StatementScan, si: number, before: number): Speaker | null {
  const { tokens } = scan.doc;
  for (let c = scan.candidates.length - 1; c >= 0; c--) {
    const cand = scan.candidates[c] as Candidate;
    if (cand.sentence !== si) break;
    const lemma = tokens.lemma[cand.cue[1] - 1] ?? '';
    if (cand.cue[1] <= before && lemma !== 'show' && !scan.doc.lexicon.stance_verbs.has(lemma))
      return { ...cand.speaker };
  }
  return null;
}

/**
 * The subject of the nearest main verb before `limit`, passing over infinitives, participles and
 * relative clauses: "Lynch had urged Comey not to announce the review, saying …" is Lynch.
 */
function nearestClauseSubject(scan: StatementScan, lo: number, limit: number): Speaker | null {
  const { doc } = scan;
  const { tokens } = doc;
  for (let m = limit - 1; m >= lo; m--) {
    if (inSpeech(scan, m)) continue;
    const pos = tokens.pos[m] ?? '';
    const copula = pos === 'AUX' && !/^(VERB|AUX)$/.test(tokens.pos[m + 1] ?? '');
    if (pos !== 'VERB' && !copula) continue;
    const g = verbGroup(doc, m, lo);
    const w = tokens.lower[m] ?? '';
    if (g.words[0] === 'to' || g.words.includes('to') || (/ing$/.test(w) && g.words.length === 0)) {
      m = g.from;
      continue;
    }
    const s = subjectBeforeSimple(doc, g.from, lo);
    // A subject opens its clause ("expanded its ad buys": "its ad" after a verb is no subject).
    const opens = s != null && (s.from <= lo || !/^(VERB|AUX|ADP)$/.test(tokens.pos[s.from - 1] ?? ''));
    if (!s || !opens || isRelativePronoun(doc, s.from, s.to)) {
      m = g.from;
      continue;
    }
    return s;
  }
  return null;
}

/** The subject just before a verb group: a pronoun, an apposition or a noun phrase. */
export function subjectBeforeSimple(doc: Doc, groupFrom: number, lo: number): Speaker | null {
  let k = groupFrom - 1;
  // "Pence himself released".
  while (
    k >= lo &&
    (doc.tokens.pos[k] === 'ADV' || /^(him|her|them|it)sel(f|ves)$/.test(doc.tokens.lower[k] ?? ''))
  )
    k--;
  if (k < lo) return null;
  if (isSpeakerPronoun(doc, k)) return speakerFrom(doc, k, k + 1);
  if (doc.tokens.value[k] === ',') return apposition(doc, k, lo);
  const start = npEndingAt(doc, k, lo);
  if (start < 0 || doc.tokens.pos[start - 1] === 'ADP') return null; // "to 15,000 people gathered"
  return speakerFrom(doc, start, k + 1);
}

/** Last resort: the actor phrase that syntax.subjectOf finds (across relative clauses). */
function viaSyntax(doc: Doc, groupFrom: number, lo: number): Speaker | null {
  const si = doc.tokens.sentence[groupFrom] ?? 0;
  const s = doc.sentences[si];
  if (!s) return null;
  const ctx: ClauseContext = {
    doc,
    sentenceFrom: lo,
    sentenceTo: s.to,
    relMask: relativeClauseMask(doc, lo, s.to),
  };
  const subj = subjectOf(ctx, groupFrom)[0];
  if (!subj) return null;
  const main = subj.appositionOf != null ? (doc.phrases[subj.appositionOf] ?? subj) : subj;
  return { from: main.from, to: main.to, actor: main.actors[0] ?? null };
}
