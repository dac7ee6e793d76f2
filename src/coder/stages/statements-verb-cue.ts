/**
 * Statements cued by a verb of saying, stance or evidence: "Lavrov said (that) …", "“…,” said
 * Lavrov", "“…,” he said", "The West, Lavrov said, is to blame", "X accused Y of …", "Pence
 * released a statement saying …". The speaker is the subject (or, inverted, the noun phrase after
 * the cue; a passive goes to statements-passive); the words follow the cue, or come before the
 * speaker.
 */
import {
  clauseFollows,
  contentBefore,
  contentEnd,
  endsClause,
  openingBefore,
  SENTENCE_END,
  trimEnd,
} from './statements-content.js';
import { ADP_STOP } from './statements-lexicon.js';
import { quoteEnd, type Quote } from './statements-quotes.js';
import { quoteClosingAt, quoteEndingNear, quoteOpeningAt, type StatementScan } from './statements-scan.js';
import { passiveCue } from './statements-passive.js';
import { addContent, addQuote, addReported } from './statements-record.js';
import { skipSetting } from './statements-setting.js';
import { isSpeakerPronoun, npEndingAt, npStartingAt, type Speaker } from './statements-speaker.js';
import { speakerFrom, subjectBefore, subjectBeforeSimple } from './statements-subject.js';
import { isPassive, verbGroup } from './syntax.js';

/** The statement a verb of saying at `v` cues, if it is one (see the file's head for the forms). */
export function verbCue(scan: StatementScan, v: number, si: number, lo: number, to: number): void {
  const { doc } = scan;
  const { tokens, lexicon } = doc;
  const lemma = tokens.lemma[v] ?? '';
  const w = tokens.lower[v] ?? '';
  const pos = tokens.pos[v] ?? '';
  // Almost every token is no verb of saying: settle that before the costlier tests below.
  const strong = lexicon.say_verbs.has(lemma);
  const weak = !strong && (lexicon.say_if_complement_verbs.has(lemma) || lexicon.stance_verbs.has(lemma));
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
  const last = scan.candidates[scan.candidates.length - 1];
  if (
    last &&
    last.sentence === si &&
    lexicon.directive_verbs.has(tokens.lemma[last.cue[1] - 1] ?? '') &&
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
  if (lexicon.cue_phrasal_verbs.has(`${lemma} ${tokens.lower[v + 1] ?? ''}`)) cueTo++;

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
    passiveCue(scan, v, si, lo, to, cueFrom, cueTo);
    return;
  }

  // 1. Inverted: "…,” said Lavrov." / "…, says Fiona Hill, an expert."
  const prev = cueFrom - 1;
  const prevValue = prev >= lo ? (tokens.value[prev] ?? '') : '';
  const afterCue = cueTo;
  const inversionSlot =
    prev < (doc.sentences[si]?.from ?? lo) ||
    prevValue === ',' ||
    quoteClosingAt(scan, prev) >= 0 ||
    prevValue === '—';
  // "“…,” said Lavrov" — but never "told Lavrov": after "tell" comes the hearer.
  const noInversion = lemma === 'tell' || lemma === 'inform' || lemma === 'assure' || lemma === 'remind';
  if (inversionSlot && !noInversion && (strong || lexicon.say_if_complement_verbs.has(lemma))) {
    const npEnd = npStartingAt(doc, afterCue, to, true, true);
    if (npEnd > afterCue && tokens.lower[afterCue] !== 'that') {
      const tail = skipSetting(doc, npEnd, to);
      const endsHere =
        tail >= to ||
        SENTENCE_END.test(tokens.value[tail] ?? '') ||
        tokens.value[tail] === ',' ||
        quoteOpeningAt(scan, tail) >= 0;
      const content = contentBefore(scan, prev, lo);
      if (content && (endsHere || content.quote >= 0)) {
        addContent(scan, speakerFrom(doc, afterCue, npEnd), [cueFrom, cueTo], content, [content.part], si);
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
    if (start >= 0 && lexicon.document_nouns.has(tokens.lemma[head] ?? '') && tokens.pos[verb] === 'VERB') {
      const g = verbGroup(doc, verb, lo);
      speaker = subjectBeforeSimple(doc, g.from, lo);
      if (speaker) cueFrom = g.from;
    }
  }
  // 2. The subject before the verb.
  speaker ??= subjectBefore(scan, subjectLimit, lo, v);
  if (!speaker) return;
  const speakerStart = speaker.from;

  // Content after the cue.
  let k = skipSetting(doc, cueTo, to);
  // "said, in an email, that …".
  if (tokens.value[k] === ',') {
    const j = skipSetting(doc, k + 1, to);
    if (
      j > k + 1 &&
      tokens.value[j] === ',' &&
      (tokens.lower[j + 1] === 'that' || quoteOpeningAt(scan, j + 1) >= 0)
    )
      k = j + 1;
  }
  // "“…,” a smiling Clinton said before introducing Perry": the quotation just before is the
  // content (and "“…,” Blinken said, “…”" continues it, see continueQuotes).
  const quoteBefore = tokens.lower[k] === 'that' ? -1 : quoteEndingNear(scan, speakerStart - 1, lo);
  if (quoteBefore >= 0 && !scan.used.has(quoteBefore)) {
    addQuote(scan, speaker, [cueFrom, cueTo], quoteBefore, si);
    return;
  }
  if (
    lexicon.hearer_first_verbs.has(lemma) &&
    k < to &&
    tokens.lower[k] !== 'that' &&
    quoteOpeningAt(scan, k) < 0
  ) {
    const hearerEnd = npStartingAt(doc, k, to, false);
    if (hearerEnd > k) {
      const h = skipSetting(doc, hearerEnd, to);
      if (
        tokens.lower[h] === 'that' ||
        quoteOpeningAt(scan, h) >= 0 ||
        quoteOpeningAt(scan, h + 1) >= 0 ||
        tokens.value[h] === ':'
      )
        k = h;
      // "urged Congress to act", "warned Iran of …": the hearer stays in the content.
      else if (tokens.lower[h] === 'to' || tokens.lower[h] === 'of' || tokens.lower[h] === 'about') {
        /* keep k */
      } else if (lemma === 'tell' && clauseFollows(doc, h, to)) k = h;
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
  } else if (tokens.value[k] === ':' || (tokens.value[k] === ',' && quoteOpeningAt(scan, k + 1) >= 0)) {
    k++;
    complement = true;
  }
  const qAfter = quoteOpeningAt(scan, k);
  if (qAfter >= 0 && !scan.used.has(qAfter)) {
    const q = scan.quotes[qAfter] as Quote;
    // "said that “…”": a whole quotation as the content.
    const afterQuote = quoteEnd(q);
    const restEnd = trimEnd(scan, afterQuote, to);
    if (
      !viaThat ||
      restEnd <= afterQuote ||
      tokens.value[afterQuote] === ',' ||
      q.close < 0 ||
      tokens.sentence[q.close] !== si
    ) {
      addQuote(scan, speaker, [cueFrom, cueTo], qAfter, si);
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
    const j = e > k + 1 ? skipSetting(doc, e, to) : -1;
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
    quoteClosingAt(scan, k) >= 0;
  if (atEnd) {
    // "…, Lavrov said." / "“…,” he said." / "The West, Lavrov said, is to blame."
    const rest = tokens.value[k] === ',' && k + 2 < to ? contentEnd(scan, k + 1, to) : -1;
    const parenthetical = rest > k + 2 && tokens.value[speakerStart - 1] === ',';
    const content =
      contentBefore(scan, speakerStart - 1, lo) ??
      (parenthetical ? openingBefore(scan, speakerStart - 1, lo) : null);
    if (!content) return;
    const parts = [content.part];
    if (parenthetical && content.quote < 0) parts.push([k + 1, rest]);
    addContent(scan, speaker, [cueFrom, cueTo], content, parts, si);
    return;
  }
  if (weak && !complement && qAfter < 0 && !weakComplement(scan, lemma, v, k, to)) return;
  const end = contentEnd(scan, k, to);
  if (end <= k) return;
  addReported(scan, speaker, [cueFrom, cueTo], [[k, end]], si);
}

/** What a verb of the weak kind needs to be a cue: a clause, or for some verbs a fitting object. */
function weakComplement(scan: StatementScan, lemma: string, v: number, k: number, to: number): boolean {
  const { doc } = scan;
  const { tokens } = doc;
  if (lemma === 'call') {
    if (doc.lexicon.cue_phrasal_verbs.has(`call ${tokens.lower[v + 1] ?? ''}`)) return true;
    // "called them cowards", "called Trump a liar": an object and a second noun phrase or adjective.
    const obj = npStartingAt(doc, k, to, false);
    if (obj < 0) return false;
    const second = obj < to ? tokens.pos[obj] : '';
    return (
      second === 'DET' ||
      second === 'ADJ' ||
      second === 'NOUN' ||
      quoteOpeningAt(scan, obj) >= 0 ||
      ((scan.quoteAt[obj] ?? -1) >= 0 && tokens.value[obj] !== ',')
    );
  }
  if (lemma === 'point') return tokens.lower[v + 1] === 'out';
  // "recalled 1.5 million toys made in China": the object's participle is no clause.
  if (lemma === 'recall') return /^(that|how|when)$/.test(tokens.lower[k] ?? '');
  // "declined to comment", "refused to say".
  if (lemma === 'decline')
    return tokens.lower[k] === 'to' && doc.lexicon.declined_to_verbs.has(tokens.lemma[k + 1] ?? '');
  if (lemma === 'threaten' || lemma === 'appeal' || lemma === 'propose')
    return tokens.lower[k] === 'to' || clauseFollows(doc, k, to);
  return clauseFollows(doc, k, to);
}
