/**
 * Shallow clause syntax over the token columns: verb groups, subjects, objects and coordination.
 * No parser: positions, parts of speech and a handful of function words carry the structure.
 */
import type { ActorPhrase, Doc } from '../doc.js';

export const CLAUSE_BREAKS = new Set([';', ':', '—', '–', '(', ')', '"', '“', '”']);

/** Nouns that name a day or a time of it ("demanded Friday that…", "said on Monday"). */
export const TIME_NOUNS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'weekend',
  'morning',
  'evening',
  'night',
  'week',
  'month',
  'year',
]);
/** Month names, which also name towns ("March") and people ("May"). */
export const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

const MEMBER_NOUNS = new Set([
  'member',
  'members',
  'lawmaker',
  'lawmakers',
  'deputy',
  'deputies',
  'head',
  'chief',
  'leader',
]);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);
const LOCATIVES = new Set(['in', 'near', 'at', 'outside', 'inside', 'across', 'throughout']);
const SUBJECT_START = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'NUM', 'ADJ']);
const CLAUSE_OPENERS = new Set([
  'as',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'if',
  'unless',
  'when',
  'after',
  'before',
  'since',
  'until',
]);
/** Words that open another clause, ending the search for a target ("as" also means "in the role of"). */
const SUBORDINATORS = new Set([
  ...[...CLAUSE_OPENERS].filter((w) => w !== 'as'),
  ...RELATIVES,
  'whenever',
  'where',
  'but',
]);
/** Prepositions that introduce places and times, not targets. */
export const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'near',
  'during',
  'outside',
  'inside',
  'across',
  'throughout',
  'within',
  'amid',
  'despite',
  'via',
  'around',
  'since',
  'until',
  'before',
  'after',
  'like',
  'including',
  'unlike',
  'behalf',
]);
const VERB_GROUP_POS = new Set(['AUX', 'PART', 'ADV']);

export interface VerbGroup {
  /** First token of the group ("has not yet met" starts at "has"). */
  from: number;
  verb: number;
  words: string[];
}

export function verbGroup(doc: Doc, verb: number, sentenceFrom: number): VerbGroup {
  const { tokens } = doc;
  let k = verb - 1;
  const words: string[] = [];
  while (k >= sentenceFrom) {
    const pos = tokens.pos[k] ?? '';
    const w = tokens.lower[k] ?? '';
    if (VERB_GROUP_POS.has(pos) || w === 'to' || w === 'not' || w === "n't") {
      words.unshift(w);
      k--;
      continue;
    }
    break;
  }
  return { from: k + 1, verb, words };
}

/** Tokens inside ", who … ," and ", which … ," relative clauses, per sentence. */
export function relativeClauseMask(doc: Doc, from: number, to: number): Uint8Array {
  const mask = new Uint8Array(to - from);
  const { lower } = doc.tokens;
  for (let i = from; i < to; i++) {
    if (!RELATIVES.has(lower[i] ?? '') || lower[i - 1] !== ',') continue;
    let j = i;
    while (j < to && lower[j] !== ',' && lower[j] !== ';') mask[j++ - from] = 1;
    i = j;
  }
  return mask;
}

export interface ClauseContext {
  doc: Doc;
  sentenceFrom: number;
  sentenceTo: number;
  relMask: Uint8Array;
}

const inRel = (c: ClauseContext, i: number) => c.relMask[i - c.sentenceFrom] === 1;

/**
 * "Trump sent troops after protesters clashed with agents": the verb's own clause opens right
 * before its subject, and a subject that names no actor is not to be replaced by an earlier one.
 */
function ownSubjectIsNoActor(c: ClauseContext, groupFrom: number): boolean {
  const { tokens, phraseAt } = c.doc;
  let k = groupFrom - 1;
  // A pronoun may stand for an actor the mentions stage did not resolve: only a noun says no.
  if (k < c.sentenceFrom || (phraseAt[k] ?? -1) >= 0 || tokens.pos[k] !== 'NOUN') return false;
  k--;
  while (k >= c.sentenceFrom && /^(DET|ADJ|NUM)$/.test(tokens.pos[k] ?? '') && (phraseAt[k] ?? -1) < 0) k--;
  const opener = tokens.lower[k] ?? '';
  // "sent aid to Cuba, where fuel shortages have shut schools"
  return k >= c.sentenceFrom && (CLAUSE_OPENERS.has(opener) || opener === 'where');
}

/** Only the words of one noun phrase stand between a modifier and the verb group. */
function headsSubject(c: ClauseContext, from: number, groupFrom: number): boolean {
  const { pos, lower } = c.doc.tokens;
  if (from >= groupFrom || TIME_NOUNS.has(lower[groupFrom - 1] ?? '')) return false;
  for (let k = from; k < groupFrom; k++) if (!/^(NOUN|PROPN|ADJ|CCONJ)$/.test(pos[k] ?? '')) return false;
  return /^(NOUN|PROPN)$/.test(pos[groupFrom - 1] ?? '');
}

/** The phrase (and its coordinated partners) acting as subject of the verb group starting at `groupFrom`. */
export function subjectOf(c: ClauseContext, groupFrom: number): ActorPhrase[] {
  const { doc } = c;
  const { tokens, phrases, phraseAt } = doc;
  const verbInRel = inRel(c, groupFrom);
  if (ownSubjectIsNoActor(c, groupFrom)) return [];
  let sawVerb = false;
  for (let k = groupFrom - 1; k >= c.sentenceFrom; k--) {
    const w = tokens.lower[k] ?? '';
    if (CLAUSE_BREAKS.has(w)) return [];
    // "…, as rescuers battled": a subordinate clause's subject lies after its conjunction.
    // ("had long since adapted" is an adverb: the opener must be followed by a subject.)
    if (CLAUSE_OPENERS.has(w) && tokens.pos[k] === 'SCONJ' && SUBJECT_START.has(tokens.pos[k + 1] ?? ''))
      return [];
    if (verbInRel && RELATIVES.has(w)) {
      // "Lavrov, who …, accused": inside the relative clause the antecedent is the subject.
      return subjectBefore(c, k);
    }
    // "a resolution that aims to tighten sanctions": the subject of a relative clause is its
    // antecedent, which here is no actor.
    // "refugees, whom authorities blame": an object relative's subject is inside it, not before.
    if ((w === 'whom' || w === 'whose') && !sawPhrase(c, k, groupFrom)) return [];
    if ((w === 'that' || w === 'which' || w === 'who') && !sawPhrase(c, k, groupFrom)) {
      const antecedent = tokens.pos[k - 1];
      if (antecedent === 'NOUN' || antecedent === 'PROPN') {
        const pi = phraseAt[k - 1] ?? -1;
        const phrase = phrases[pi];
        // "an attack on a concert hall near Moscow that killed …": a place names where, not who.
        if (phrase && LOCATIVES.has(tokens.lower[phrase.from - 1] ?? '')) return [];
        return phrase && !phrase.modifier ? coordinated(doc, pi) : [];
      }
    }
    if (!verbInRel && inRel(c, k)) continue;
    const pi = phraseAt[k] ?? -1;
    if (pi < 0) {
      if (tokens.pos[k] === 'VERB') sawVerb = true;
      continue;
    }
    const phrase = phrases[pi];
    if (!phrase) continue;
    k = phrase.from;
    // "the U.S. Securities and Exchange Commission sued": the actor qualifies the subject's head,
    // which is no actor; the subject is not to be looked for further back.
    if (phrase.modifier) {
      if (headsSubject(c, phrase.to, groupFrom)) return [];
      continue;
    }
    const head = phrase.appositionOf != null ? (phrases[phrase.appositionOf] ?? phrase) : phrase;
    if (phrase.appositionOf != null) k = head.from;
    // "…in Turkey and Syria": a coordination is judged by what stands before its first member.
    const group = coordinated(doc, phraseIndex(doc, head));
    const first = group[0] && group[0].from < head.from ? group[0] : head;
    let before = previousContent(doc, first.from, c.sentenceFrom);
    // "about 100 protesters", "up to 16 advisers": the phrase is judged by what precedes the count.
    if (before >= 0 && approximatesNumber(doc, before)) {
      const w = tokens.lower[before];
      before = previousContent(doc, before - (w === 'to' || w === 'than' ? 1 : 0), c.sentenceFrom);
    }
    const beforePos = before >= 0 ? tokens.pos[before] : '';
    const beforeWord = before >= 0 ? tokens.lower[before] : '';
    let adjacent = true;
    for (let j = phrase.to; j < groupFrom; j++) if (tokens.pos[j] !== 'ADV') adjacent = false;
    // "fled as protesters stormed": a conjunction the tagger calls a preposition opens a clause whose
    // subject stands right before its verb.
    const opensClause = adjacent && CLAUSE_OPENERS.has(beforeWord ?? '');
    // The object of a preposition is no subject, but "thousands of protesters" is a quantity.
    // "a member of the Syrian parliament, Mohammed Mamoun, started…": the body a person belongs to.
    const memberOf = beforeWord === 'of' && MEMBER_NOUNS.has(tokens.lower[before - 1] ?? '');
    if (
      (beforePos === 'ADP' || beforeWord === 'to') &&
      !(beforeWord === 'of' && isQuantity(doc, before - 1)) &&
      !opensClause &&
      !memberOf
    )
      continue;
    if (beforeWord === "'s" || beforeWord === '’s') continue;
    // The object of an earlier verb ("defended Russia's actions, blaming…") is not this verb's subject.
    if ((sawVerb || !adjacent) && beforePos === 'VERB') continue;
    return coordinated(doc, phraseIndex(doc, head));
  }
  return [];
}

/** "about 100 protesters", "up to 100", "more than 200": a word before a number that counts, not a preposition. */
function approximatesNumber(doc: Doc, k: number): boolean {
  const { tokens } = doc;
  if (tokens.pos[k + 1] !== 'NUM') return false;
  const w = tokens.lower[k] ?? '';
  if (w === 'to') return tokens.lower[k - 1] === 'up';
  if (w === 'than') return /^(more|fewer|less)$/.test(tokens.lower[k - 1] ?? '');
  return /^(about|around|over|under|some|nearly|almost|roughly|approximately)$/.test(w);
}

const REPORTING = new Set(['say', 'tell', 'report', 'announce', 'state', 'claim', 'add', 'write', 'confirm']);

function speechFollows(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 6); k++) {
    if (doc.tokens.pos[k] === 'VERB') return REPORTING.has(doc.tokens.lemma[k] ?? '');
  }
  return false;
}

const QUANTITIES = new Set([
  'thousands',
  'hundreds',
  'dozens',
  'tens',
  'millions',
  'scores',
  'number',
  'group',
  'groups',
  'crowd',
  'crowds',
  'members',
  'some',
  'many',
  'most',
  'all',
  'several',
  'majority',
  'handful',
  'team',
  'delegation',
  'contingent',
]);

/** "thousands of", "a group of", "two of": a head that counts the people after "of". */
function isQuantity(doc: Doc, k: number): boolean {
  return doc.tokens.pos[k] === 'NUM' || QUANTITIES.has(doc.tokens.lower[k] ?? '');
}

function sawPhrase(c: ClauseContext, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if ((c.doc.phraseAt[k] ?? -1) >= 0) return true;
  return false;
}

function subjectBefore(c: ClauseContext, relative: number): ActorPhrase[] {
  const { doc } = c;
  for (let k = relative - 1; k >= c.sentenceFrom; k--) {
    const pi = doc.phraseAt[k] ?? -1;
    if (pi >= 0) return coordinated(doc, pi);
    if (doc.tokens.lower[k] !== ',') return [];
  }
  return [];
}

function previousContent(doc: Doc, from: number, limit: number): number {
  for (let k = from - 1; k >= limit; k--) {
    const pos = doc.tokens.pos[k];
    if (pos === 'DET' || pos === 'ADJ' || pos === 'NUM') continue;
    return k;
  }
  return -1;
}

const phraseIndex = (doc: Doc, p: ActorPhrase) => doc.phraseAt[p.from] ?? -1;

const LINK_DETERMINERS = new Set(['the', 'both', 'his', 'her', 'its', 'their']);

/** "the US and the EU", "Britain, France and Germany": phrases joined by "and" or commas. */
export function coordinated(doc: Doc, index: number): ActorPhrase[] {
  const { phrases, tokens } = doc;
  const linkWords = (a: ActorPhrase, b: ActorPhrase) =>
    // "Lavrov and his Turkish counterpart": a determiner or possessive opens the next party.
    tokens.lower.slice(a.to, b.from).filter((w) => !LINK_DETERMINERS.has(w));
  const joins = (a: ActorPhrase, b: ActorPhrase): boolean => {
    if (a.sentence !== b.sentence) return false;
    const between = linkWords(a, b);
    if (between.length === 0 || between.length > 3) return false;
    // "and", a comma, or "as well as" ("…prisoners, as Trump visited" is a new clause).
    const asWellAs = between.join(' ').includes('as well as');
    if (!between.every((w) => w === 'and' || w === ',' || (asWellAs && (w === 'as' || w === 'well'))))
      return false;
    // ", and" continues a list of three or more ("Britain, France, and Germany"); after a single
    // name it joins two clauses ("…outside Kyiv, and Moscow denied").
    if (between[0] === ',' && between[1] === 'and') {
      const ai = phrases.indexOf(a);
      const prev = ai > 0 ? phrases[ai - 1] : undefined;
      return prev !== undefined && prev.sentence === a.sentence && linkWords(prev, a).join(' ') === ',';
    }
    return true;
  };
  const out: ActorPhrase[] = [];
  const start = phrases[index];
  if (!start) return out;
  let lo = index;
  while (lo > 0 && joins(phrases[lo - 1] as ActorPhrase, phrases[lo] as ActorPhrase)) lo--;
  let hi = index;
  while (hi + 1 < phrases.length && joins(phrases[hi] as ActorPhrase, phrases[hi + 1] as ActorPhrase)) hi++;
  // A coordination must contain an "and" somewhere, else commas only mark appositions; a comma
  // list of three or more names ("Iran, Libya, North Korea, Sudan") is a list all the same.
  const span = tokens.lower.slice(phrases[lo]?.to ?? 0, phrases[hi]?.from ?? 0);
  if (hi > lo && hi - lo < 2 && !span.includes('and')) return [start];
  for (let k = lo; k <= hi; k++) {
    const p = phrases[k];
    if (p && p.appositionOf == null) out.push(p);
  }
  return out;
}

export interface TargetSearch {
  passive?: boolean;
  /** The source's own actor keys. */
  skipKeys?: ReadonlySet<string>;
  /** The verb takes a that-clause whose subject is its target ("demanded that the US cancel"). */
  clauseTarget?: boolean;
  /** "fired at", "lashed out at": "at" names the target, not the place. */
  aimedAt?: boolean;
  /** "bans on travel to Canada against Russian officers": a state never sanctions itself. */
  neverOwn?: boolean;
}

/**
 * The first phrase after `from` in the same clause that is not a place ("in Istanbul") or time,
 * with its coordinated partners: the object or prepositional target.
 */
export function targetAfter(
  c: ClauseContext,
  from: number,
  {
    passive = false,
    skipKeys = new Set(),
    clauseTarget = false,
    aimedAt = false,
    neverOwn = false,
  }: TargetSearch = {},
  maxDistance = 14,
): { phrases: ActorPhrase[]; at: number } | null {
  const { doc } = c;
  const { tokens, phrases, phraseAt } = doc;
  const limit = Math.min(c.sentenceTo, from + maxDistance);
  for (let k = from; k < limit; k++) {
    const w = tokens.lower[k] ?? '';
    if (CLAUSE_BREAKS.has(w) || SUBORDINATORS.has(w)) return null;
    // ", and the EU demanded…", "an air strike that killed…", "as he returned…": another clause begins.
    if (w === ',' && ['and', 'but', 'while'].includes(tokens.lower[k + 1] ?? '')) return null;
    // "released prisoners and deported them to …": the next predicate has its own object.
    if ((w === 'and' || w === 'but') && tokens.pos[k + 1] === 'VERB') return null;
    // "the plan that…" opens a relative clause; "demanded Friday that…" does not.
    if (
      w === 'that' &&
      (tokens.pos[k - 1] === 'NOUN' || tokens.pos[k - 1] === 'PROPN') &&
      !TIME_NOUNS.has(tokens.lower[k - 1] ?? '')
    )
      return null;
    if (w === 'as' && tokens.pos[k + 1] === 'PRON') return null;
    const pi = phraseAt[k] ?? -1;
    if (pi < 0) {
      // A new finite verb with its own subject ends the clause, and so does ", coinciding with …".
      if (tokens.pos[k] === 'VERB' && k > from && (phraseAt[k - 1] ?? -1) >= 0) return null;
      if (w === ',' && tokens.pos[k + 1] === 'VERB') return null;
      continue;
    }
    const phrase = phrases[pi];
    if (!phrase) continue;
    // "halting US funding for the WHO": the source's own state qualifying a noun is not the target.
    // …nor are its own means: "offered its troops to Lebanon".
    const own = skipKeys.size > 0 && phrase.actors.every((a) => skipKeys.has(a.key));
    if (own && (phrase.modifier || phrase.viaCoreference || neverOwn)) {
      k = phrase.to - 1;
      continue;
    }
    const before = previousContent(doc, phrase.from, from);
    const prep = before >= 0 ? (tokens.lower[before] ?? '') : '';
    if (PLACE_PREPOSITIONS.has(prep) && !(prep === 'at' && aimedAt)) {
      k = phrase.to - 1;
      continue;
    }
    // The agent of a passive, or of a participle ("talks mediated by Malaysia"), is not a target.
    if (prep === 'by' && (passive || tokens.pos[before - 1] === 'VERB')) return null;
    // The subject of a following clause ("…, Amnesty International said") is not a target either.
    const next = tokens.pos[phrase.to];
    // …unless the verb takes a that-clause whose subject is its target ("demanded that the US cancel").
    // A date or an adverb may come between: "demanded Friday that the United States match".
    const thatClause =
      clauseTarget &&
      prep === 'that' &&
      before - from <= 3 &&
      tokens.pos
        .slice(from, before)
        .every((p) => p === 'PROPN' || p === 'ADV' || p === 'NUM' || p === 'NOUN');
    if (
      (next === 'VERB' || next === 'AUX') &&
      !thatClause &&
      (prep === ',' || prep === 'and' || prep === 'but' || tokens.pos[before] === 'SCONJ')
    ) {
      return null;
    }
    // "…, Human Rights Watch (HRW) said": the source of the report, not a target.
    if (prep === ',' && speechFollows(doc, phrase.to, c.sentenceTo)) return null;
    const head = phrase.appositionOf != null ? (phrases[phrase.appositionOf] ?? phrase) : phrase;
    return { phrases: coordinated(doc, phraseAt[head.from] ?? pi), at: pi };
  }
  return null;
}

/** The agent of a passive verb: "… were imposed on Iran by the EU". */
export function passiveAgent(c: ClauseContext, from: number): ActorPhrase[] {
  const { tokens, phraseAt } = c.doc;
  const limit = Math.min(c.sentenceTo, from + 16);
  for (let k = from; k < limit; k++) {
    const w = tokens.lower[k] ?? '';
    if (CLAUSE_BREAKS.has(w)) return [];
    if (w !== 'by') continue;
    for (let j = k + 1; j < Math.min(limit, k + 4); j++) {
      const pi = phraseAt[j] ?? -1;
      if (pi >= 0) return coordinated(c.doc, pi);
    }
  }
  return [];
}

/** Passive: a form of "be"/"get" in the group and a participle that is not the bare lemma. */
export function isPassive(doc: Doc, group: VerbGroup): boolean {
  const v = doc.tokens.lower[group.verb] ?? '';
  const lemma = doc.tokens.lemma[group.verb] ?? '';
  const beForms = ['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", 'get', 'got', 'gets'];
  if (!group.words.some((w) => beForms.includes(w))) return false;
  if (v.endsWith('ing')) return false;
  return v !== lemma || /(ed|en|wn|ne)$/.test(v) || SAME_AS_BASE.has(v);
}

/** Past participles spelt like the base form: "has been put under investigation", "was hit". */
const SAME_AS_BASE = new Set([
  'put',
  'set',
  'hit',
  'cut',
  'shut',
  'let',
  'cast',
  'spread',
  'hurt',
  'quit',
  'bid',
  'shed',
  'burst',
  'upset',
  'broadcast',
  'forecast',
]);
