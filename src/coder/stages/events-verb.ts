/**
 * Verbal events: a verb rule read with its voice, mood, source and target.
 */
import type { VerbRule } from '../../dictionaries/types.js';
import type { ActorPhrase, Doc } from '../doc.js';
import { type PlaceFinder } from './place.js';
import { intentCodeFor, readModality } from './modality.js';
import {
  type ClauseContext,
  coordinated,
  isPassive,
  passiveAgent,
  subjectOf,
  targetAfter,
  verbGroup,
} from './syntax.js';
import { governingVerbOf, hasSpeechVerbBefore } from './events-complements.js';
import { ARTICLES, BACKGROUND, MEDIATION } from './events-noun.js';
import { type EventCandidate, isMutual, pairUp, splitParties } from './events-pairs.js';
import type { PickedRule, RuleIndex } from './events-rules.js';
import {
  RETALIATION,
  conditionSubject,
  domesticObject,
  introducedAsPlace,
  keysOf,
  lastOtherActor,
  partiesInSentence,
  documentReleasedIn,
  ownStatePhrase,
  placeAsTarget,
  protestedGovernment,
  reactionTarget,
} from './events-targets.js';

export function codeVerb(
  ctx: ClauseContext,
  v: number,
  si: number,
  picked: PickedRule,
  earlier: readonly EventCandidate[],
  places: PlaceFinder,
  rules: RuleIndex,
): EventCandidate[] {
  const { doc } = ctx;
  const group = verbGroup(doc, v, ctx.sentenceFrom);
  const { rule, particleEnd } = picked;
  const modality = readModality(doc, group, ctx.sentenceFrom);
  if (modality.mood === 'hypothetical') return [];
  // "because of fighting between…", "after shelling": a gerund used as a noun names background.
  // "Russian troops fighting in Ukraine", "agents carrying out raids": a participle of force right
  // after its noun describes the noun; it is no act of its own ("demonstrators protesting" is).
  if (
    /^(18|19|20)/.test(rule.code) &&
    doc.tokens.lower[v]?.endsWith('ing') &&
    group.from === v &&
    /^(NOUN|PROPN)$/.test(doc.tokens.pos[v - 1] ?? '')
  )
    return [];
  // "the killing of a Sikh leader" is a noun, not the subject's act.
  const before = doc.tokens.lower[v - 1] ?? '';
  if (doc.tokens.lower[v]?.endsWith('ing') && (BACKGROUND.has(before) || ARTICLES.has(before))) return [];
  if (takesClause(doc, particleEnd, rule.code) || transitiveProtest(doc, particleEnd, rule)) return [];

  // "victims killed by the crash", "a plan backed by Iran": a participle after a noun is passive.
  const reducedPassive = !isPassive(doc, group) && isReducedPassive(doc, v, particleEnd);
  // "is opposed to", "is committed to": an adjective of the subject's own stance, not a passive.
  const stance =
    doc.lexicon.stance_participles.has(doc.tokens.lemma[v] ?? '') && doc.tokens.lower[particleEnd] === 'to';
  const passive = !stance && (reducedPassive || isPassive(doc, group));
  let sources: ActorPhrase[];
  let targets: ActorPhrase[];
  let targetDistance = 0;
  if (passive) {
    sources = passiveAgent(ctx, particleEnd);
    if (sources.length === 0) sources = forceNamedAfter(ctx, particleEnd, rules.forceNouns);
    targets = reducedPassive ? phraseEndingAt(doc, v) : subjectOf(ctx, group.from);
    // "Sanctions were imposed on Iran by the EU": the subject is the action, the target follows.
    if (targets.length === 0) targets = targetAfter(ctx, particleEnd, { passive: true })?.phrases ?? [];
    // "Evidence against Russia was presented by the US": the target stands in the object before the verb.
    if (targets.length === 0 && picked.objectAt >= 0 && picked.objectAt < v)
      targets = targetAfter(ctx, picked.objectAt + 1, { passive: true })?.phrases ?? [];
  } else {
    // "telephoned Erdogan to offer condolences", "agreed to meet": an infinitive shares the subject
    // of the verb it depends on, not the object standing before it.
    const governing =
      group.words[0] === 'to'
        ? governingVerbOf(doc, group.from, ctx.sentenceFrom)
        : participleHead(doc, v, group.from, ctx.sentenceFrom);
    sources = subjectOf(ctx, governing >= 0 ? verbGroup(doc, governing, ctx.sentenceFrom).from : group.from);
    const ownKeys = keysOf(sources);
    const root = rule.code.slice(0, 2);
    const t = targetAfter(ctx, particleEnd, {
      skipKeys: ownKeys,
      clauseTarget: CLAUSE_ROOTS.has(root),
      aimedAt: AIMED_ROOTS.has(root),
      neverOwn: root === '16',
    });
    targets = t?.phrases ?? [];
    targetDistance = t ? (doc.phrases[t.at]?.from ?? v) - v : 0;
  }
  // "Georgian demonstrators received weapons from the government": the giver acts towards the subject.
  if (rule.sourceAfter && !passive) {
    targets = sources;
    sources = phraseAfterWord(ctx, particleEnd, rule.sourceAfter);
  }
  if (sources.length === 0 && !passive) sources = forceNamedBefore(ctx, group.from, rules.forceNouns);
  if (sources.length === 0 && !passive) sources = documentReleasedIn(ctx, group.from, places);
  if (sources.length === 0) return [];
  // "Sudanese refugees are still arriving in eastern Chad": crowds travel, they do not pay visits.
  if (
    rule.code.startsWith('04') &&
    doc.lexicon.travel_verbs.has(doc.tokens.lemma[v] ?? '') &&
    sources.every((p) => p.actors.every((a) => a.sector === 'CVL'))
  )
    return [];
  // Parties acting together ("A and B met in Istanbul") act towards each other, not the place.
  // "Chinese and Russian warships" is one phrase of two parties: for acting together it counts as two.
  if (sources.length === 1 && (sources[0]?.actors.length ?? 0) > 1)
    sources = splitParties(sources[0] as ActorPhrase);
  // "talks mediated by Qatar and Turkey": mediators act between others, not towards each other.
  const mediation = MEDIATION.test(rule.code);
  const mutual =
    sources.length > 1 && isMutual(rule.code, doc.tokens.lemma[v] ?? '', doc.lexicon) && !mediation;
  if (mediation) {
    // "talks in Doha mediated by Qatar": the venue is no party.
    const own = keysOf(sources);
    targets = targets.filter(
      (t) => !introducedAsPlace(doc, t.from) && t.actors.every((a) => !own.has(a.key)),
    );
    if (targets.length === 0) targets = partiesInSentence(sources, earlier, si);
  }
  // "A and B held exercises in the Sea of Japan": together they act towards each other, not the place.
  if (mutual && targets.every((t) => introducedAsPlace(doc, t.from))) targets = [];
  if (targets.length === 0 && !mutual)
    targets = placeAsTarget(ctx, particleEnd, rule.code, sources, places, modality.mood === 'asserted');
  if (targets.length === 0 && !mutual)
    targets = reactionTarget(doc, particleEnd, rule.code, sources, earlier, si);
  if (targets.length === 0 && RETALIATION.has(doc.tokens.lemma[v] ?? ''))
    targets = lastOtherActor(sources, earlier, si);
  if (targets.length === 0) targets = protestedGovernment(doc, rule.code, sources, places);
  if (targets.length === 0 && rule.code.startsWith('17'))
    targets = domesticObject(doc, particleEnd, sources, places);
  // "declared martial law", "imposed a state of emergency": emergency rule is over one's own country.
  const home = sources.length === 1 ? sources[0]?.actors[0]?.country : null;
  if (targets.length === 0 && rule.code.startsWith('172') && home)
    targets = ownStatePhrase(doc, v, particleEnd, home, places);
  let code = modality.mood === 'intended' ? (rule.intent ?? intentCodeFor(rule.code)) : rule.code;
  // "killed more than 400 people": killing civilians by the hundred is mass killing (202).
  // States' armed forces at war are coded by their means (19); armed groups' massacres are 202.
  const armedGroup = sources.every((p) => p.actors.every((a) => a.org !== null));
  if (
    armedGroup &&
    /^(18|19)/.test(code) &&
    doc.lexicon.mass_killing_verbs.has(doc.tokens.lemma[v] ?? '') &&
    killsMany(doc, particleEnd)
  )
    code = '202';
  // "Protesters attacked the French embassy": a crowd's violence is a riot (145).
  if (
    /^(18|19)/.test(code) &&
    doc.lexicon.rioting_verbs.has(doc.tokens.lemma[v] ?? '') &&
    sources.every((p) => doc.lexicon.crowd_nouns.has(doc.tokens.lower[p.to - 1] ?? ''))
  )
    code = '145';
  // "a suicide bomber struck crowds, killing 13": whatever the verb, a suicide bombing is 1831.
  if (/^(18|19)/.test(code) && sources.some((p) => doc.tokens.lower.slice(p.from, p.to).includes('suicide')))
    code = '1831';
  // "French and Egyptian warships launched war games": a show of force by several parties
  // together is military cooperation between them (062).
  if (mutual && targets.length === 0 && code.startsWith('15')) code = '062';
  if (targets.length === 0 && code.startsWith('13')) targets = conditionSubject(ctx, particleEnd, sources);
  // "withdrawing from ECOWAS", "to withdraw the United States from the WHO": leaving an
  // international body cuts ties with it (16), it is no military retreat.
  if (code.startsWith('087') && targets.some((t) => t.actors.some((a) => a.code.startsWith('IGO'))))
    code = modality.mood === 'intended' ? '1313' : '161';
  // "expelled seven senior UN officials": sending away an international body's staff is 166, not the
  // deportation of individuals (174).
  if (
    code === '174' &&
    targets.length > 0 &&
    targets.every((t) => t.actors.every((a) => a.code.startsWith('IGO')))
  )
    code = '166';
  // "have held no formal talks", "reached no agreement": the object's "no" denies the act.
  let negated = modality.negated || doc.tokens.lower[particleEnd] === 'no';
  // "will withdraw its force unless…", "would impose sanctions if…": a conditional harm is a threat (13x).
  if (modality.conditionalFuture) {
    const root = Number(rule.code.slice(0, 2));
    // "will not accept any more refugees if war starts" still refuses now.
    if (root < 12 && !(negated && COOPERATIVE_ROOTS.has(rule.code.slice(0, 2)))) return [];
    if (root >= 15) code = rule.intent ?? intentCodeFor(rule.code);
  }
  // "will not accept refugees", "refused to allow": a declined cooperation is a rejection (12x).
  if (negated && modality.mood === 'intended' && COOPERATIVE_ROOTS.has(rule.code.slice(0, 2))) {
    code = rejectionCodeFor(rule.code);
    negated = false;
  }
  const reported = hasSpeechVerbBefore(doc, group.from, ctx.sentenceFrom);
  return pairUp(
    sources,
    targets,
    code,
    {
      trigger: [v, particleEnd],
      lemma: doc.tokens.lemma[v] ?? '',
      rule: rule.id,
      negated,
      mood: modality.mood,
      reported,
      sentence: si,
      confidence:
        0.85 - Math.min(0.3, Math.max(0, targetDistance - 4) * 0.03) + (rule.after.length ? 0.05 : 0),
    },
    doc.lexicon,
  );
}

/** ", killing about 20 people": a participle after a comma shares the main verb's subject. */
function participleHead(doc: Doc, v: number, from: number, sentenceFrom: number): number {
  if (doc.tokens.lower[from - 1] !== ',' || !doc.tokens.lower[v]?.endsWith('ing')) return -1;
  for (let k = from - 2; k >= sentenceFrom; k--) if (doc.tokens.pos[k] === 'VERB') return k;
  return -1;
}

const COOPERATIVE_ROOTS = new Set(['03', '04', '05', '06', '07', '08']);

/** The CAMEO rejection of a cooperative action: not meeting is 125, not aiding 122, not yielding 124. */
function rejectionCodeFor(code: string): string {
  const root = code.slice(0, 2);
  if (root === '04' || code.startsWith('036')) return '125';
  if (root === '06' || code.startsWith('031')) return '121';
  if (root === '07' || code.startsWith('033')) return '122';
  if (root === '08' || code.startsWith('035')) return '124';
  return '120';
}

/** Only verbs of saying, asking and blaming take a "that"-clause: "recognise that …" is no recognition. */
const CLAUSE_ROOTS = new Set(['01', '02', '09', '10', '11', '12', '13', '14']);

function takesClause(doc: Doc, next: number, code: string): boolean {
  const w = doc.tokens.lower[next] ?? '';
  return ['that', 'whether', 'how', 'what', 'why'].includes(w) && !CLAUSE_ROOTS.has(code.slice(0, 2));
}

/** "demonstrated his contempt", "rallied the troops": a protest verb with a direct object means something else. */
function transitiveProtest(doc: Doc, next: number, rule: VerbRule): boolean {
  if (rule.code.slice(0, 2) !== '14' || rule.after.length) return false;
  const pos = doc.tokens.pos[next];
  return (
    pos === 'DET' ||
    pos === 'NOUN' ||
    pos === 'ADJ' ||
    (pos === 'PRON' && /^(his|her|its|their)$/.test(doc.tokens.lower[next] ?? ''))
  );
}

/** Roots whose "at" introduces the target: "fired rockets at Israel", "lashed out at Washington". */
const AIMED_ROOTS = new Set(['11', '13', '17', '18', '19', '20']);

/** A past participle right after a noun, as in "victims killed by …" and "there were ten soldiers killed". */
function isReducedPassive(doc: Doc, v: number, after: number): boolean {
  const w = doc.tokens.lower[v] ?? '';
  if (!/(ed|en|wn)$/.test(w)) return false;
  const prev = doc.tokens.pos[v - 1];
  if (prev !== 'NOUN' && prev !== 'PROPN') return false;
  if (doc.tokens.lower[after] === 'by' || doc.tokens.lower[after + 1] === 'by') return true;
  // "there were ten Russian soldiers killed", "with 20 people wounded": what happened to the noun.
  const phrase = phraseEndingAt(doc, v)[0];
  let k = (phrase?.from ?? v - 1) - 1;
  while (k > 0 && /^(NUM|DET|ADJ)$/.test(doc.tokens.pos[k] ?? '')) k--;
  const before = doc.tokens.lower[k] ?? '';
  return before === 'with' || (EXISTENTIAL_BE.has(before) && doc.tokens.lower[k - 1] === 'there');
}

const EXISTENTIAL_BE = new Set(['is', 'are', 'was', 'were', 'been']);

function phraseEndingAt(doc: Doc, v: number): ActorPhrase[] {
  const pi = doc.phraseAt[v - 1] ?? -1;
  const p = doc.phrases[pi];
  return p && p.to === v && !p.modifier ? [p] : [];
}

/** The actors right after `word` in the rest of the clause: "from the Georgian government". */
function phraseAfterWord(ctx: ClauseContext, from: number, word: string): ActorPhrase[] {
  const { doc } = ctx;
  const limit = Math.min(ctx.sentenceTo, from + 10);
  for (let k = from; k < limit; k++) {
    const w = doc.tokens.lower[k] ?? '';
    if (w === ',' || doc.tokens.pos[k] === 'VERB') return [];
    if (w !== word) continue;
    for (let j = k + 1; j < Math.min(limit, k + 4); j++) {
      const pi = doc.phraseAt[j] ?? -1;
      if (pi >= 0) return coordinated(doc, pi);
    }
    return [];
  }
  return [];
}

/**
 * "were killed in Israeli tank shelling", "died in a Russian air strike": the actor named on the act
 * of force that the passive happened in is its agent.
 */
function forceNamedAfter(ctx: ClauseContext, from: number, forceNouns: ReadonlySet<string>): ActorPhrase[] {
  const { doc } = ctx;
  if (doc.tokens.lower[from] !== 'in') return [];
  let actor = -1;
  for (let k = from + 1; k < Math.min(ctx.sentenceTo, from + 7); k++) {
    const pi = doc.phraseAt[k] ?? -1;
    if (pi >= 0 && actor < 0) actor = pi;
    const lower = doc.tokens.lower[k] ?? '';
    if (actor >= 0 && isForceNoun(doc, k, forceNouns)) return coordinated(doc, actor);
    if (!/^(DET|ADJ|NOUN|PROPN|NUM|PUNCT)$/.test(doc.tokens.pos[k] ?? '') || lower === ',') return [];
  }
  return [];
}

/** "Russian strikes killed 12 civilians", "an Israeli air strike hit…": the actor named on the act of force. */
function forceNamedBefore(
  ctx: ClauseContext,
  groupFrom: number,
  forceNouns: ReadonlySet<string>,
): ActorPhrase[] {
  const { doc } = ctx;
  const head = groupFrom - 1;
  if (!isForceNoun(doc, head, forceNouns)) return [];
  for (let k = head - 1; k >= Math.max(ctx.sentenceFrom, head - 4); k--) {
    const pi = doc.phraseAt[k] ?? -1;
    if (pi >= 0) return coordinated(doc, pi);
    if (!/^(ADJ|NOUN|PUNCT)$/.test(doc.tokens.pos[k] ?? '') || doc.tokens.lower[k] === ',') return [];
  }
  return [];
}

function isForceNoun(doc: Doc, k: number, forceNouns: ReadonlySet<string>): boolean {
  return forceNouns.has(doc.tokens.lemma[k] ?? '') || forceNouns.has(doc.tokens.lower[k] ?? '');
}

/** Below this many dead, CAMEO's mass killing (202) reads as an attack (18, 19). */
const MASS_KILLING_COUNT = 50;
const ARMED_SECTORS = new Set(['MIL', 'REB', 'COP', 'SPY']);

/** "at least 87 ethnic Masalit people", "hundreds of civilians": many victims who are not combatants. */
function killsMany(doc: Doc, from: number): boolean {
  const { lower, pos } = doc.tokens;
  let k = from;
  while (k < from + 3 && /^(at|least|more|than|over|about|nearly|some|almost|around)$/.test(lower[k] ?? ''))
    k++;
  const w = lower[k] ?? '';
  const count = /^\d[\d,]*$/.test(w)
    ? Number(w.replace(/,/g, ''))
    : /^(hundreds|thousands)$/.test(w)
      ? 200
      : 0;
  if (count < MASS_KILLING_COUNT) return false;
  for (let j = k + 1; j < Math.min(doc.tokens.count, k + 5); j++) {
    const phrase = doc.phrases[doc.phraseAt[j] ?? -1];
    if (phrase?.actors.some((a) => a.sector !== null && ARMED_SECTORS.has(a.sector))) return false;
    // The head of the victims' noun phrase: "87 ethnic Masalit people".
    if (pos[j] === 'NOUN' && pos[j + 1] !== 'NOUN') return true;
  }
  return false;
}
