/**
 * Targets found when the object names none: a place, a reaction, a condition, the state at home.
 */
import type { ActorEntry } from '../../dictionaries/types.js';
import type { ActorPhrase, Doc, ResolvedActor } from '../doc.js';
import type { Sector } from '../types.js';
import type { PlaceFinder } from './place.js';
import { type ClauseContext, coordinated } from './syntax.js';
import type { EventCandidate } from './events-pairs.js';

/** Reactions to an event named by a noun: "condemned the launch", "welcomed the move". */
const REACTION_ROOTS = new Set(['05', '10', '11', '12', '13', '14']);

/**
 * "North Korea test-fired a missile, and Japan condemned the launch": a reaction to an event
 * named by a noun targets whoever did the last event in this or the previous sentence.
 */
export function reactionTarget(
  doc: Doc,
  next: number,
  code: string,
  sources: ActorPhrase[],
  earlier: readonly EventCandidate[],
  sentence: number,
): ActorPhrase[] {
  // "Moscow denied the allegations": a denial answers whoever made them.
  if (!REACTION_ROOTS.has(code.slice(0, 2)) && !code.startsWith('016')) return [];
  if (doc.tokens.lower[next] !== 'the' && doc.tokens.lower[next] !== 'this') return [];
  if (doc.tokens.pos[next + 1] !== 'NOUN' && doc.tokens.pos[next + 2] !== 'NOUN') return [];
  return lastOtherActor(sources, earlier, sentence);
}

/** The actor keys of some phrases: "the source's own" in the target searches. */
export function keysOf(phrases: ActorPhrase[]): Set<string> {
  return new Set(phrases.flatMap((p) => p.actors.map((a) => a.key)));
}

/** Verbs that answer an earlier act: "India struck sites in Pakistan, and Pakistan vowed to retaliate". */
export const RETALIATION = new Set(['retaliate', 'avenge', 'revenge']);

/**
 * "Pakistan and Afghanistan agreed to a ceasefire after talks mediated by Qatar": the parties to
 * the sentence's other events, between whom a mediator acts.
 */
export function partiesInSentence(
  mediators: ActorPhrase[],
  earlier: readonly EventCandidate[],
  sentence: number,
): ActorPhrase[] {
  const own = keysOf(mediators);
  const parties = new Set<ActorPhrase>();
  for (const e of earlier) {
    if (e.sentence !== sentence) continue;
    for (const p of [e.sourcePhrase, e.targetPhrase])
      if (p && p.actors.every((a) => !own.has(a.key))) parties.add(p);
  }
  return [...parties];
}

/** The source of the latest event by another party in this or the previous sentence. */
export function lastOtherActor(
  sources: ActorPhrase[],
  earlier: readonly EventCandidate[],
  sentence: number,
): ActorPhrase[] {
  const own = keysOf(sources);
  for (let k = earlier.length - 1; k >= 0; k--) {
    const e = earlier[k];
    if (!e || sentence - e.sentence > 1) break;
    if (own.has(e.source.key)) continue;
    // "US and British warships struck …": every party to that act.
    const parties = earlier.filter((x) => x.trigger[0] === e.trigger[0] && !own.has(x.source.key));
    return [...new Set(parties.map((x) => x.sourcePhrase))];
  }
  return [];
}

/** Roots whose location stands in for the target when none is named (as in CAMEO practice). */
const LOCATED_ROOTS = new Set(['03', '04', '08', '09', '13', '14', '15', '16', '17', '18', '19', '20']);

/**
 * Claims of responsibility and condolences are about an event: where it happened is their target
 * ("claimed responsibility for an attack on a mall in Kenya's capital", "sorrow for the shootings
 * in South Carolina").
 */
const ABOUT_AN_EVENT = /^01[58]/;

/**
 * Roots whose events a state also does at home, to its own people: "lifted the curfew in
 * Khartoum", "imposed a curfew in Cizre", "a bombing in Baghdad" (CAMEO codes these SDN->SDN).
 */
const DOMESTIC_ROOTS = new Set(['08', '17', '18', '19', '20']);

/**
 * "threatened to walk out of the talks if the United States deploys the missiles": a threat is
 * aimed at whoever must meet its condition.
 */
export function conditionSubject(ctx: ClauseContext, from: number, sources: ActorPhrase[]): ActorPhrase[] {
  const { doc } = ctx;
  for (let k = from; k < ctx.sentenceTo - 1; k++) {
    const w = doc.tokens.lower[k];
    if (w !== 'if' && w !== 'unless') continue;
    const at = doc.tokens.lower[k + 1] === 'the' ? k + 2 : k + 1;
    const pi = doc.phraseAt[at] ?? -1;
    const phrase = doc.phrases[pi];
    if (!phrase || phrase.modifier || phrase.from > at) return [];
    const own = keysOf(sources);
    return coordinated(doc, pi).filter((p) => p.actors.every((a) => !own.has(a.key)));
  }
  return [];
}

/** Conceding and coercing at home are what authorities do; crowds and rebels only attack. */
function actsForState(sources: ActorPhrase[], code: string): boolean {
  if (code.startsWith('18') || code.startsWith('19') || code.startsWith('20')) return true;
  return sources.every((s) => s.actors.every((a) => !a.sector || STATE_SECTORS.has(a.sector)));
}

const STATE_SECTORS = new Set<Sector>(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/**
 * "visited Amman", "protested in Beijing", "shelling in Gaza": a state named as the place of an
 * event without a target is its target, unless it is the source's own state.
 */
export function placeAsTarget(
  ctx: ClauseContext,
  from: number,
  code: string,
  sources: ActorPhrase[],
  places: PlaceFinder,
  done: boolean,
): ActorPhrase[] {
  const aboutAnEvent = ABOUT_AN_EVENT.test(code);
  if (!LOCATED_ROOTS.has(code.slice(0, 2)) && !aboutAnEvent) return [];
  const { doc } = ctx;
  const limit = aboutAnEvent ? ctx.sentenceTo : Math.min(ctx.sentenceTo, from + 10);
  // What a state vows or plans to do is aimed at others; only what it did at home targets itself.
  const ownStateAllowed =
    aboutAnEvent || (done && DOMESTIC_ROOTS.has(code.slice(0, 2)) && actsForState(sources, code));
  // "shelled Kharkiv", "visited Odesa": a town that is the direct object stands for its state.
  const objectAt = places.nameStart(doc, from, limit);
  if ((doc.phraseAt[objectAt] ?? -1) < 0 && !aboutAnEvent) {
    const town = cityPhrase(doc, objectAt, limit, places);
    const target = town ? stateAsTarget(town, sources, ownStateAllowed) : null;
    if (target) return target;
  }
  // After the verb first, then before it ("a build-up on Ukraine's borders, now amassing troops").
  const positions: number[] = [];
  // Up to a comma or the next predicate ("released prisoners and deported them to the US"); the
  // event a claim or a condolence is about may be told at length.
  for (
    let k = from;
    k < limit && doc.tokens.lower[k] !== ',' && (aboutAnEvent || doc.tokens.pos[k] !== 'VERB');
    k++
  )
    positions.push(k);
  for (let k = from - 2; k >= Math.max(ctx.sentenceFrom, from - 12); k--) positions.push(k);
  for (const k of positions) {
    const w = doc.tokens.lower[k] ?? '';
    // "withdrew from Kherson": a retreat names the place it leaves.
    // "struck targets across Yemen": a spread over a state, read only after the verb.
    const spread = (w === 'across' || w === 'throughout') && k >= from;
    if (!LOCATING_WORDS.has(w) && !spread && !(w === 'from' && code.startsWith('087'))) continue;
    const j = places.nameStart(doc, k + 1, limit);
    const pi = doc.phraseAt[j] ?? -1;
    const phrase = doc.phrases[pi] ?? cityPhrase(doc, j, limit, places);
    // "in the Gaza Strip": the name may take its article along.
    if (!phrase || phrase.from < k + 1 || phrase.from > j || phrase.viaCoreference) continue;
    // "killed in Israeli shelling": the agent's own words are no place.
    if (sources.includes(phrase)) continue;
    const target = stateAsTarget(phrase, sources, ownStateAllowed);
    if (target) return target;
  }
  return [];
}

/** Words that name where an event happened or went: "in Gaza", "to Moscow", "off Taiwan". */
const LOCATING_WORDS = new Set(['in', 'to', 'at', 'on', 'near', 'along', 'into', 'around', 'off']);

/** A state's phrase as the location-target of the sources' act, or null when it cannot be one. */
function stateAsTarget(
  phrase: ActorPhrase,
  sources: ActorPhrase[],
  ownStateAllowed: boolean,
): ActorPhrase[] | null {
  const a = phrase.actors[0];
  if (!a || a.person || a.org || a.country == null) return null;
  const ownState = sources.some((s) => s.actors.some((x) => x.key === a.key));
  if (ownState && !ownStateAllowed) return null;
  // At home the place is the country, not its government ("in Khartoum" is Sudan, not SDNGOV).
  return ownState ? [{ ...phrase, asPlace: true, actors: [{ ...a, code: a.key, sector: null }] }] : [phrase];
}

/**
 * A protest with no named target is against the protesters' own government, as CAMEO codes
 * domestic dissent ("thousands of students staged demonstrations" -> IDNCVL 141 IDNGOV).
 */
export function protestedGovernment(
  doc: Doc,
  code: string,
  sources: ActorPhrase[],
  places: PlaceFinder,
): ActorPhrase[] {
  if (code.slice(0, 2) !== '14') return [];
  const source = sources[0]?.actors[0];
  if (!source?.country || source.sector === 'GOV') return [];
  const state = places.stateByKey(source.country);
  if (!state) return [];
  const phrase = sources[0] as ActorPhrase;
  return [
    {
      ...phrase,
      viaCoreference: true,
      actors: [
        {
          ...source,
          key: state.key,
          code: `${state.key}GOV`,
          name: state.name,
          sector: 'GOV',
          person: null,
          personRef: null,
          org: null,
        },
      ],
    },
  ];
}

/**
 * "Russian police detained Navalny", "the Taliban government suspended university education for
 * women": a coercive act on an unnamed group or an unknown person at home targets the actor's own
 * country, as CAMEO codes domestic repression.
 */
export function domesticObject(
  doc: Doc,
  from: number,
  sources: ActorPhrase[],
  places: PlaceFinder,
): ActorPhrase[] {
  const source = sources[0]?.actors[0];
  if (!source?.country || sources.length !== 1) return [];
  const { tokens } = doc;
  const to = Math.min(doc.tokens.count, from + 6);
  let at = -1;
  for (let k = from; k < to; k++) {
    if ((doc.phraseAt[k] ?? -1) >= 0) return [];
    const pos = tokens.pos[k];
    if (pos === 'PROPN' || doc.lexicon.people_nouns.has(tokens.lower[k] ?? '')) {
      at = k;
      break;
    }
    // The object is something else ("seized a cargo ship in the Red Sea"): no person at all.
    if (pos === 'VERB' || pos === 'PUNCT' || pos === 'AUX' || pos === 'NOUN' || pos === 'ADP') return [];
  }
  if (at < 0) return [];
  let end = at + 1;
  while (end < to && tokens.pos[end] === 'PROPN' && (doc.phraseAt[end] ?? -1) < 0) end++;
  return ownStatePhrase(doc, at, end, source.country, places);
}

/** The source's own state as the target, for the words [from, to) that stand for its people. */
export function ownStatePhrase(
  doc: Doc,
  from: number,
  to: number,
  country: string,
  places: PlaceFinder,
): ActorPhrase[] {
  const state = places.stateByKey(country);
  return state ? [statePhrase(doc, from, to, state, 'CVL')] : [];
}

/** "in Tel Aviv": a city names its state, which can stand as a location-target. */
function cityPhrase(doc: Doc, at: number, limit: number, places: PlaceFinder): ActorPhrase | null {
  const hit = places.lookup(doc, at, limit);
  const state = hit ? places.stateOf(hit.place) : null;
  return hit && state ? statePhrase(doc, at, hit.to, state, null) : null;
}

/** A state standing for the words [from, to): its place, or its people in a given sector. */
function statePhrase(
  doc: Doc,
  from: number,
  to: number,
  state: ActorEntry,
  sector: Sector | null,
): ActorPhrase {
  const span: [number, number] = [doc.tokens.start[from] ?? 0, doc.tokens.end[to - 1] ?? 0];
  const actor: ResolvedActor = {
    key: state.key,
    code: `${state.code}${sector ?? ''}`,
    name: state.name,
    country: state.key,
    org: null,
    sector,
    person: null,
    personRef: null,
    span,
    text: doc.text.slice(span[0], span[1]),
  };
  const sentence = doc.tokens.sentence[from] ?? 0;
  return { from, to, sentence, viaCoreference: false, appositionOf: null, modifier: false, actors: [actor] };
}

const PLACE_WORDS = new Set(['in', 'at', 'near', 'off', 'across', 'over']);

/** "in Istanbul", "in the Sea of Japan", "off the coast of Taiwan": a name introduced as a place. */
export function introducedAsPlace(doc: Doc, from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 5); k--) {
    const w = doc.tokens.lower[k] ?? '';
    if (PLACE_WORDS.has(w)) return true;
    if (w !== 'the' && w !== 'of' && doc.tokens.pos[k] !== 'PROPN' && doc.tokens.pos[k] !== 'NOUN')
      return false;
  }
  return false;
}

/** Documents that speak for whoever released them. */
const DOCUMENTS = new Set([
  'report',
  'statement',
  'communique',
  'communiqué',
  'document',
  'dossier',
  'study',
]);

/**
 * "A report released on Tuesday in the Rwandan capital alleged…": a document with no named author
 * speaks for the state it was released in.
 */
export function documentReleasedIn(
  ctx: ClauseContext,
  groupFrom: number,
  places: PlaceFinder,
): ActorPhrase[] {
  const { doc } = ctx;
  const { lower } = doc.tokens;
  let head = -1;
  for (let k = ctx.sentenceFrom; k < groupFrom; k++) if (DOCUMENTS.has(lower[k] ?? '')) head = k;
  if (head < 0 || !/^(released|published|issued|presented)$/.test(lower[head + 1] ?? '')) return [];
  for (let k = head + 2; k < groupFrom - 1; k++) {
    if (lower[k] !== 'in') continue;
    const j = places.nameStart(doc, k + 1, groupFrom);
    const phrase = doc.phrases[doc.phraseAt[j] ?? -1] ?? cityPhrase(doc, j, groupFrom, places);
    const a = phrase?.actors[0];
    if (!phrase || !a?.country || a.person || a.org) return [];
    const state = places.stateByKey(a.country);
    return state ? [statePhrase(doc, j, phrase.to, state, 'GOV')] : [];
  }
  return [];
}
