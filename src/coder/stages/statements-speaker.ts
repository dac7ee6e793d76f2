/**
 * Speakers of statements: the noun phrase that says something, found by shallow chunking over the
 * part-of-speech column (it need not be an actor the dictionary knows: "the survey", "a senior
 * official"), then resolved to an actor through the phrases the mentions and resolve stages made.
 */
import type { Doc, ResolvedActor } from '../doc.js';
import { SPEAKER_PRONOUNS } from './statements-lexicon.js';
import { TIME_NOUNS } from './syntax.js';

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const LINKS = new Set(['of', 'for', 'from', 'at']);
/** Times and occasions of speaking: "said on Monday", "said in a statement", "told a briefing". */
const SETTING_NOUNS = new Set([
  ...TIME_NOUNS,
  'day',
  'afternoon',
  'time',
  'statement',
  'interview',
  'speech',
  'letter',
  'post',
  'tweet',
  'email',
  'briefing',
  'conference',
  'rally',
  'debate',
  'meeting',
  'address',
  'remarks',
  'appearance',
  'call',
  'hearing',
  'session',
  'release',
]);
export const SETTING_PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'over',
  'via',
  'through',
]);

const isPossessiveMark = (w: string) => w === "'s" || w === '’s' || w === "'" || w === '’';

/** A capitalised word inside a name that the tagger took for a verb ("Kathryn Stack said"). */
export function propnLike(doc: Doc, k: number): boolean {
  const pos = doc.tokens.pos[k] ?? '';
  if (pos === 'PROPN') return true;
  if (pos !== 'VERB' && pos !== 'NOUN' && pos !== 'ADJ') return false;
  const s = doc.tokens.sentence[k];
  return (
    /^\p{Lu}\p{Ll}/u.test(doc.tokens.value[k] ?? '') &&
    doc.tokens.sentence[k - 1] === s &&
    doc.tokens.pos[k - 1] === 'PROPN' &&
    /^\p{Lu}/u.test(doc.tokens.value[k - 1] ?? '')
  );
}

const attached = (doc: Doc, a: number, b: number) => (doc.tokens.end[a] ?? 0) === (doc.tokens.start[b] ?? -1);

/** Tokens that may sit inside a noun phrase. */
function npToken(doc: Doc, k: number): boolean {
  const { tokens } = doc;
  const pos = tokens.pos[k] ?? '';
  if (propnLike(doc, k)) return true;
  const w = tokens.lower[k] ?? '';
  if (NP_POS.has(pos)) return !/^[.,;:!?]$/.test(w);
  if ((doc.phraseAt[k] ?? -1) >= 0) return true;
  if (isPossessiveMark(w) || POSSESSIVES.has(w)) return true;
  // "U.S.-based", "AT&T", "NBC/Wall Street Journal": joiners inside names, not a spaced dash.
  if ((w === '-' || w === '&' || w === '/') && pos !== 'VERB')
    return attached(doc, k - 1, k) && attached(doc, k, k + 1);
  // "Rev." read as "Rev" + ".".
  if (w === '.' && attached(doc, k - 1, k) && /^\p{Lu}\p{Ll}{1,3}$/u.test(tokens.value[k - 1] ?? ''))
    return true;
  // "the tracking poll", "leading economies", "elected officials": participles before a noun.
  if (pos === 'VERB' && /(ing|ed)$/.test(w) && tokens.pos[k + 1] === 'NOUN') return true;
  return false;
}

const isNounish = (doc: Doc, k: number) => {
  const pos = doc.tokens.pos[k] ?? '';
  return pos === 'NOUN' || propnLike(doc, k) || (doc.phraseAt[k] ?? -1) >= 0;
};

export const isSpeakerPronoun = (doc: Doc, k: number) =>
  SPEAKER_PRONOUNS.has(doc.tokens.lower[k] ?? '') &&
  (doc.tokens.pos[k] === 'PRON' || doc.tokens.pos[k] === 'DET');

/** Start of the noun phrase that ends at token `end` (inclusive), or -1. Never before `limit`. */
export function npEndingAt(doc: Doc, end: number, limit: number): number {
  const { tokens } = doc;
  if (end < limit) return -1;
  if (isSpeakerPronoun(doc, end)) return end;
  let k = end;
  // "Sen. Ben Sasse (R-Neb.)": a parenthesis after a name.
  if (tokens.value[k] === ')') {
    let j = k - 1;
    while (j >= limit && k - j < 9 && tokens.value[j] !== '(') j--;
    if (j < limit || tokens.value[j] !== '(' || !isNounish(doc, j - 1)) return -1;
    k = j - 1;
  }
  if (!npToken(doc, k) || !(isNounish(doc, k) || tokens.pos[k] === 'NUM')) return -1;
  let start = k;
  let links = 0;
  for (let t = k - 1; t >= limit && k - t < 16; t--) {
    const w = tokens.lower[t] ?? '';
    if (npToken(doc, t)) {
      start = t;
      if (POSSESSIVES.has(w)) break;
      continue;
    }
    // "a spokesman for the Kremlin", "Trump and his allies", "the Council on Foreign Relations".
    const capitalLink =
      w === 'on' && /^\p{Lu}/u.test(tokens.value[t - 1] ?? '') && /^\p{Lu}/u.test(tokens.value[t + 1] ?? '');
    if (
      (LINKS.has(w) || w === 'and' || capitalLink) &&
      links < 2 &&
      t - 1 >= limit &&
      isNounish(doc, t - 1)
    ) {
      links++;
      start = t;
      continue;
    }
    break;
  }
  // A phrase starting with a link word or possessive mark is not whole.
  while (start < end && (LINKS.has(tokens.lower[start] ?? '') || tokens.lower[start] === 'and')) start++;
  return start;
}

/** End (exclusive) of the noun phrase starting at `start`, with an apposition after a comma if asked. */
export function npStartingAt(
  doc: Doc,
  start: number,
  limit: number,
  apposition: boolean,
  postModifiers = false,
): number {
  const { tokens } = doc;
  if (start >= limit) return -1;
  if (isSpeakerPronoun(doc, start)) return start + 1;
  let k = start;
  let links = 0;
  while (k < limit) {
    if (npToken(doc, k)) {
      k++;
      continue;
    }
    const w = tokens.lower[k] ?? '';
    if (
      LINKS.has(w) &&
      links < 2 &&
      k > start &&
      isNounish(doc, k - 1) &&
      k + 1 < limit &&
      npToken(doc, k + 1)
    ) {
      links++;
      k++;
      continue;
    }
    // "CNN host Wolf Blitzer last week", "Lavrov Tuesday": a time is not part of the name.
    if (k > start && (isTimeNoun(doc, k) ? tokens.pos[k] === 'PROPN' : false)) break;
    if (k > start && /^(last|this|next)$/.test(tokens.lower[k] ?? '') && isTimeNoun(doc, k + 1)) break;
    if (tokens.value[k] === '(' && k > start) {
      let j = k + 1;
      while (j < limit && j - k < 9 && tokens.value[j] !== ')') j++;
      if (j < limit && tokens.value[j] === ')') {
        k = j + 1;
        continue;
      }
    }
    break;
  }
  let end = k;
  while (
    end > start &&
    !isNounish(doc, end - 1) &&
    tokens.pos[end - 1] !== 'NUM' &&
    tokens.value[end - 1] !== ')'
  )
    end--;
  if (end <= start) return -1;
  // "officials who spoke on condition of anonymity", "a survey conducted after the debate",
  // "a person familiar with his thinking": the words that say which source it is.
  if (postModifiers && end < limit) {
    const w = tokens.lower[end] ?? '';
    const pos = tokens.pos[end] ?? '';
    const participle = pos === 'VERB' && /(ed|en|ing)$/.test(w) && tokens.pos[end - 1] !== 'PROPN';
    if (
      w === 'who' ||
      w === 'that' ||
      participle ||
      /^(familiar|close|privy|briefed|knowledgeable)$/.test(w)
    ) {
      let j = end + 1;
      while (
        j < limit &&
        !/^[,;:!?”"»—–]$/.test(tokens.value[j] ?? '') &&
        !(tokens.value[j] === '.' && j + 1 >= limit)
      )
        j++;
      if (j - end < 30) return j;
    }
  }
  if (apposition && tokens.value[end] === ',' && end + 1 < limit && npToken(doc, end + 1)) {
    // ", a prominent foreign affairs expert" up to the next comma or the end of the clause.
    let j = end + 1;
    while (j < limit && !/^[,.;:!?”"»—–]$/.test(tokens.value[j] ?? '')) {
      if (tokens.pos[j] === 'AUX') return end;
      j++;
    }
    if (j - end > 1 && j - end < 20) end = j;
  }
  return end;
}

/** The last token of the phrase's core: "a spokesman [for the Kremlin]" -> "spokesman". */
function coreEnd(doc: Doc, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const w = doc.tokens.lower[k] ?? '';
    if (k > from && (doc.tokens.pos[k] === 'ADP' || LINKS.has(w) || w === ',' || w === '(' || w === 'and'))
      return k;
  }
  return to;
}

export interface Speaker {
  from: number;
  to: number;
  actor: ResolvedActor | null;
}

/**
 * The actor a speaker phrase stands for: the actor phrase at its head ("Russian Foreign Minister
 * Sergey Lavrov", "he", "the minister"), else one it belongs to ("a UN spokesman", "a spokesman for
 * the Kremlin", "Obama's adviser" are the UN, Russia and the US).
 */
export function resolveSpeaker(doc: Doc, from: number, to: number): ResolvedActor | null {
  const core = coreEnd(doc, from, to);
  const head = headActor(doc, from, to);
  if (head) return head;
  // A person named before an apposition: "Lisa Monaco, Obama's adviser" is not Obama.
  for (let k = from; k < core; k++) {
    const pi = doc.phraseAt[k] ?? -1;
    if (pi < 0) continue;
    const p = doc.phrases[pi];
    const a = p?.actors[0];
    if (!p || !a || p.viaCoreference || isPlace(doc, p.from, p.to) || otherFirstName(doc, p.from)) continue;
    return a.person ? affiliated(doc, a, from, to) : a;
  }
  for (let k = core; k < to; k++) {
    const pi = doc.phraseAt[k] ?? -1;
    const p = pi >= 0 ? doc.phrases[pi] : undefined;
    const a = p && !p.viaCoreference && !isPlace(doc, p.from, p.to) ? p.actors[0] : undefined;
    if (a) return a.person ? affiliated(doc, a, from, to) : a;
    if (p) k = p.to - 1;
  }
  return null;
}

/** The actor named by the head of the phrase itself ("Sergey Lavrov", "the UN spokesman"), if any. */
export function headActor(doc: Doc, from: number, to: number): ResolvedActor | null {
  const head = coreEnd(doc, from, to) - 1;
  const pi = doc.phraseAt[head] ?? -1;
  const phrase = pi >= 0 ? doc.phrases[pi] : undefined;
  if (!phrase || phrase.modifier) return null;
  if (otherFirstName(doc, phrase.from)) return null;
  // "the group's president" is not the president named earlier: a title found through coreference
  // must be the whole phrase ("the minister", "he").
  if (phrase.viaCoreference) {
    for (let k = from; k < phrase.from; k++) if (doc.tokens.pos[k] !== 'DET') return null;
  }
  const main = phrase.appositionOf != null ? (doc.phrases[phrase.appositionOf] ?? phrase) : phrase;
  return main.actors[0] ?? null;
}

/** "an economist in Hong Kong", "a Stockholm-based consultancy": where someone works is no side. */
function isPlace(doc: Doc, from: number, to: number): boolean {
  const { tokens } = doc;
  const before = tokens.lower[from - 1] ?? '';
  if (before === 'in' || before === 'near' || before === 'outside') return true;
  return tokens.value[to] === '-' && /^based$/i.test(tokens.value[to + 1] ?? '');
}

const HONORIFICS = /^(mr|mrs|ms|miss|dr|sen|rep|gov|gen|prof|rev|sir|lord|lady|dame|president|minister)\.?$/i;

/** "Kevin Lai" is not President Lai: a surname matched after a first name the dictionary lacks. */
function otherFirstName(doc: Doc, from: number): boolean {
  const k = from - 1;
  const v = doc.tokens.value[k] ?? '';
  if (doc.tokens.sentence[k] !== doc.tokens.sentence[from] || (doc.phraseAt[k] ?? -1) >= 0) return false;
  return doc.tokens.pos[k] === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(v) && !HONORIFICS.test(v);
}

/** An unnamed member of a person's side: "Obama's adviser" speaks for the US, not as Obama. */
export function affiliated(doc: Doc, a: ResolvedActor, from: number, to: number): ResolvedActor {
  const span: [number, number] = [doc.tokens.start[from] ?? 0, doc.tokens.end[to - 1] ?? 0];
  const text = doc.text.slice(span[0], span[1]);
  return { ...a, name: text, person: null, personRef: null, span, text };
}

export function isTimeNoun(doc: Doc, k: number): boolean {
  return SETTING_NOUNS.has(doc.tokens.lower[k] ?? '');
}
