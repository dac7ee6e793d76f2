/**
 * Events stage: verb and noun patterns from the dictionary, anchored on a trigger word, with the
 * source from the clause subject (or the passive agent) and the target from the object.
 */
import type { ActorEntry, CompiledDictionary, NounRule, VerbRule } from '../../dictionaries/types.js';
import type { ActorPhrase, Doc, ResolvedActor } from '../doc.js';
import type { Sector } from '../types.js';
import { placeNameAfter, type PlaceFinder } from './place.js';
import { INTENT_GOVERNORS, intentCodeFor, readModality, SPEECH_VERBS, type Mood } from './modality.js';
import {
  CLAUSE_BREAKS,
  type ClauseContext,
  coordinated,
  isPassive,
  passiveAgent,
  relativeClauseMask,
  subjectOf,
  targetAfter,
  verbGroup,
} from './syntax.js';

export interface EventCandidate {
  source: ResolvedActor;
  target: ResolvedActor | null;
  sourcePhrase: ActorPhrase;
  targetPhrase: ActorPhrase | null;
  trigger: [number, number];
  lemma: string;
  code: string;
  rule: string;
  negated: boolean;
  mood: Exclude<Mood, 'hypothetical'>;
  reported: boolean;
  sentence: number;
  confidence: number;
}

export interface RuleIndex {
  verbs: Map<string, VerbRule[]>;
  nouns: Map<string, NounRule[]>;
  /** Per verb's rule list: first word of an object phrase -> the rules that have one starting so. */
  objectStarts: Map<VerbRule[], Map<string, number[]>>;
}

export function indexRules(dict: CompiledDictionary): RuleIndex {
  const verbs = new Map<string, VerbRule[]>();
  for (const r of dict.verbs) {
    const list = verbs.get(r.lemma) ?? [];
    list.push(r);
    verbs.set(r.lemma, list);
  }
  const nouns = new Map<string, NounRule[]>();
  for (const r of dict.nouns) {
    const first = r.lemma.split(' ')[0] ?? r.lemma;
    const list = nouns.get(first) ?? [];
    list.push(r);
    nouns.set(first, list);
  }
  // Longest noun phrases first: "ceasefire violation" before "ceasefire".
  for (const list of nouns.values())
    list.sort((a, b) => b.lemma.split(' ').length - a.lemma.split(' ').length);
  const objectStarts = new Map<VerbRule[], Map<string, number[]>>();
  for (const list of verbs.values()) {
    const starts = new Map<string, number[]>();
    list.forEach((rule, i) => {
      for (const word of new Set(rule.after.map((p) => p[0] ?? ''))) {
        const at = starts.get(word) ?? [];
        at.push(i);
        starts.set(word, at);
      }
    });
    objectStarts.set(list, starts);
  }
  return { verbs, nouns, objectStarts };
}

/**
 * The verb rules for token `v`, if it is a verb: wink tags some inflected verbs as nouns or
 * adjectives ("abducted", "beheaded"), and hyphen compounds ("Iran-backed", "US-led") are no verbs.
 */
function verbRulesAt(doc: Doc, v: number, rules: RuleIndex): VerbRule[] | null {
  const { tokens } = doc;
  const pos = tokens.pos[v];
  const value = tokens.value[v] ?? '';
  if (tokens.value[v - 1] === '-' && (doc.phraseAt[v - 2] ?? -1) >= 0) return null;
  // A capitalised "verb" inside a sentence is a name ("Hang Seng", "Sarah Lynch").
  if (
    pos === 'VERB' &&
    v > (doc.sentences[tokens.sentence[v] ?? 0]?.from ?? 0) &&
    /^\p{Lu}/u.test(value) &&
    value !== value.toUpperCase()
  ) {
    return null;
  }
  // "29 jailed cartel figures", "carrying deported migrants": a participle before its noun
  // describes the noun.
  if (pos === 'VERB' && isAttributive(doc, v)) return null;
  if (pos === 'VERB') return rules.verbs.get(tokens.lemma[v] ?? '') ?? null;
  // "will free the prisoners", "to open talks": after a modal or "to" the tagger may read a base
  // verb as an adjective or noun.
  if ((pos === 'ADJ' || pos === 'NOUN') && BASE_VERB_SLOT.has(tokens.lower[v - 1] ?? '')) {
    return rules.verbs.get(tokens.lower[v] ?? '') ?? null;
  }
  if ((pos === 'ADJ' || pos === 'NOUN') && /ed$/.test(tokens.lower[v] ?? '') && afterActorOrAux(doc, v)) {
    for (const lemma of participleLemmas(tokens.lower[v] ?? '')) {
      const list = rules.verbs.get(lemma);
      if (list) return list;
    }
  }
  return null;
}

function isAttributive(doc: Doc, v: number): boolean {
  const { tokens } = doc;
  if (!/ed$/.test(tokens.lower[v] ?? '')) return false;
  const before = tokens.pos[v - 1] ?? '';
  const after = tokens.pos[v + 1] ?? '';
  const describes =
    before === 'NUM' || before === 'DET' || (before === 'VERB' && /ing$/.test(tokens.lower[v - 1] ?? ''));
  return describes && (after === 'NOUN' || after === 'ADJ') && tokens.lower[v - 1] !== 'that';
}

const TRAVEL = new Set(['arrive', 'travel', 'visit', 'go', 'fly', 'come', 'return', 'flee', 'cross']);

const BASE_VERB_SLOT = new Set([
  'will',
  'would',
  'shall',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'to',
  "'ll",
]);

/** "were abducted", "gunmen beheaded": a participle right after an actor or an auxiliary. */
function afterActorOrAux(doc: Doc, v: number): boolean {
  const prev = v - 1;
  return (doc.phraseAt[prev] ?? -1) >= 0 || doc.tokens.pos[prev] === 'AUX' || doc.tokens.pos[prev] === 'ADV';
}

/** Candidate lemmas of an "-ed" form: abducted -> abduct, seized -> seize, stopped -> stop, carried -> carry. */
function participleLemmas(w: string): string[] {
  const stem = w.slice(0, -2);
  const out = [stem, `${stem}e`];
  if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  return out;
}

/** Whether a noun sits in the object of a verb that carries an event (up to 8 tokens after it). */
function insideVerbObject(
  doc: Doc,
  n: number,
  picks: Map<number, PickedRule>,
  silenced: Set<number>,
): boolean {
  for (const [v] of picks) {
    if (silenced.has(v) || v >= n || n - v > 8) continue;
    let crossesClause = false;
    for (let k = v + 1; k < n; k++)
      if (CLAUSE_BREAKS.has(doc.tokens.lower[k] ?? '') || doc.tokens.lower[k] === ',') crossesClause = true;
    if (!crossesClause) return true;
  }
  return false;
}

/** Mediation, offers and appeals to mediate: a third party acts between two others. */
const MEDIATION = /^(045|039|038|028|108|126|135|165)/;

/** Roots whose events stand without a target ("protesters rallied", "troops were mobilised"). */
const TARGETLESS_ROOTS = new Set(['01', '14', '15']);
/** Codes that two parties do together: "A and B met" is A->B and B->A. */
const MUTUAL_ROOTS = new Set(['03', '04', '05', '06', '08', '15', '16', '19']);

export function findEvents(doc: Doc, rules: RuleIndex, places: PlaceFinder): EventCandidate[] {
  const out: EventCandidate[] = [];
  doc.sentences.forEach((s, si) => {
    const ctx: ClauseContext = {
      doc,
      sentenceFrom: s.from,
      sentenceTo: s.to,
      relMask: relativeClauseMask(doc, s.from, s.to),
    };
    const consumed = new Set<number>();
    // First pass: which verbs match a rule, so governor and complement can be weighed against each other.
    const picks = new Map<number, PickedRule>();
    for (let v = s.from; v < s.to; v++) {
      const list = verbRulesAt(doc, v, rules);
      const picked = list ? pickVerbRule(ctx, v, list, s.from, rules.objectStarts.get(list)) : null;
      if (picked) picks.set(v, picked);
    }
    out.push(...mustDemands(ctx, si, picks));
    const silenced = silencedTriggers(doc, picks, s.from);
    const verbal: EventCandidate[] = [];
    for (const [v, picked] of picks) {
      if (silenced.has(v)) continue;
      if (picked.objectAt >= 0) markConsumed(doc, consumed, picked.objectAt, picked.rule.after);
      verbal.push(...codeVerb(ctx, v, si, picked, [...out, ...verbal], places));
    }
    out.push(...withoutProtestSlogans(doc, verbal));
    for (let n = s.from; n < s.to; n++) {
      if (consumed.has(n)) continue;
      const pos = doc.tokens.pos[n];
      if (pos !== 'NOUN' && pos !== 'PROPN') continue;
      // "accused Israel of genocide", "demanded the release of": the noun is part of that event.
      if (insideVerbObject(doc, n, picks, silenced)) continue;
      out.push(...codeNoun(ctx, n, si, rules, consumed));
    }
  });
  return out;
}

/**
 * "protesters marched through Minsk demanding Lukashenko's resignation": what a protest calls for
 * is its slogan, already in the protest's code (1411…), not a second event by the crowd.
 */
function withoutProtestSlogans(doc: Doc, events: EventCandidate[]): EventCandidate[] {
  const protesters = new Set(events.filter((e) => e.code.startsWith('14')).map((e) => e.source.key));
  if (protesters.size === 0) return events;
  return events.filter(
    (e) =>
      !(
        (e.code.startsWith('02') || e.code.startsWith('10')) &&
        protesters.has(e.source.key) &&
        doc.tokens.lower[e.trigger[0]]?.endsWith('ing')
      ),
  );
}

const OBLIGATION = new Set(['must', 'should']);

/**
 * "Russia said Sudan must return the helicopter", "Britain reiterated that Libya must hand over…":
 * telling another party what it must do is a demand (CAMEO 10), whatever the speech verb.
 */
function mustDemands(ctx: ClauseContext, si: number, picks: Map<number, PickedRule>): EventCandidate[] {
  const { doc } = ctx;
  const out: EventCandidate[] = [];
  for (let v = ctx.sentenceFrom; v < ctx.sentenceTo; v++) {
    if (doc.tokens.pos[v] !== 'VERB' || !SPEECH_VERBS.has(doc.tokens.lemma[v] ?? '') || picks.has(v))
      continue;
    const k = clauseStartAfter(doc, v + 1, ctx.sentenceTo);
    const pi = doc.phraseAt[k] ?? -1;
    const phrase = doc.phrases[pi];
    if (!phrase || phrase.modifier) continue;
    const targets = coordinated(doc, pi);
    const last = targets[targets.length - 1] ?? phrase;
    if (!OBLIGATION.has(doc.tokens.lower[last.to] ?? '')) continue;
    const group = verbGroup(doc, v, ctx.sentenceFrom);
    const sources = subjectOf(ctx, group.from);
    if (sources.length === 0) continue;
    const m = readModality(doc, group, ctx.sentenceFrom);
    if (m.mood === 'hypothetical') continue;
    out.push(
      ...pairUp(sources, targets, '100', {
        trigger: [v, v + 1],
        lemma: doc.tokens.lemma[v] ?? '',
        rule: 'syntax/must-demand',
        negated: m.negated,
        mood: 'asserted',
        reported: false,
        sentence: si,
        confidence: 0.7,
      }),
    );
  }
  return out;
}

/**
 * Where the reported clause begins: right after the verb, or after "that" once a date, a place or a
 * hearer has been passed ("said on Tuesday that", "told Lavrov at talks in Moscow that").
 */
function clauseStartAfter(doc: Doc, from: number, to: number): number {
  for (let k = from; k < Math.min(to, from + 10); k++) {
    const w = doc.tokens.lower[k] ?? '';
    if (w === 'that') return k + 1;
    if (w === ',' || w === ';' || doc.tokens.pos[k] === 'VERB' || doc.tokens.pos[k] === 'AUX') break;
  }
  return from;
}

/** Verbs whose "to"-complement is what happened: "voted to demand", "moved to expel". */
const PASS_THROUGH = new Set([
  'vote',
  'move',
  'begin',
  'start',
  'continue',
  'proceed',
  'rush',
  'act',
  'step',
  'go',
]);

/**
 * "agreed to meet": the complement carries the event as an intention (036), so "agreed" is silent.
 * "refused to meet", "urged Iran to stop": the governing verb carries the event, so the complement is.
 * "accused Russia of attacking": the gerund belongs to the accusation.
 */
function silencedTriggers(doc: Doc, picks: Map<number, PickedRule>, sentenceFrom: number): Set<number> {
  const silenced = new Set<number>();
  for (const v of picks.keys()) {
    const group = verbGroup(doc, v, sentenceFrom);
    if (group.words[0] === 'to') {
      // The governor may stand right before "to" or a few words back ("threatened on Monday to
      // break", "issued an ultimatum to Ecuador to halt").
      const adjacent = picks.has(group.from - 1);
      const g = adjacent ? group.from - 1 : governingVerbOf(doc, group.from, sentenceFrom);
      if (g >= 0 && picks.has(g)) {
        const governor = doc.tokens.lemma[g] ?? '';
        // Once words intervene ("began a hunger strike to demand", "agreed in principle on Saturday
        // to provide") the governor's own rule has read the whole phrase: the infinitive adds nothing.
        if (adjacent && (INTENT_GOVERNORS.has(governor) || PASS_THROUGH.has(governor))) silenced.add(g);
        else silenced.add(v);
      }
    }
    if (isGerundComplement(doc, group.from, sentenceFrom, picks)) silenced.add(v);
  }
  return silenced;
}

function matchPhraseAt(doc: Doc, at: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const want = phrase[k];
    const lemma = doc.tokens.lemma[at + k];
    const lower = doc.tokens.lower[at + k];
    if (want !== lemma && want !== lower && want !== singular(lower ?? '')) return false;
  }
  return true;
}

const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** Where in [from, to) one of `phrases` starts (ending by `end`); -1 if none. */
function findAny(doc: Doc, from: number, to: number, phrases: string[][], end = Infinity): number {
  for (let k = from; k < to; k++) {
    for (const p of phrases) if (k + p.length <= end && matchPhraseAt(doc, k, p)) return k;
  }
  return -1;
}

function clauseEnd(ctx: ClauseContext, from: number): number {
  const { lower } = ctx.doc.tokens;
  for (let k = from; k < ctx.sentenceTo; k++) {
    if (CLAUSE_BREAKS.has(lower[k] ?? '')) return k;
    if (SUBORDINATORS.has(lower[k] ?? '') && opensClause(ctx, k + 1)) return k;
  }
  return ctx.sentenceTo;
}

/** Words that open a clause of their own: "cancelled a visit [after a state of siege was declared]". */
const SUBORDINATORS = new Set([
  'after',
  'before',
  'because',
  'while',
  'when',
  'since',
  'although',
  'though',
  'until',
]);

/** A subject and then a finite verb within a few words, before any comma. */
function opensClause(ctx: ClauseContext, from: number): boolean {
  const { pos, lower } = ctx.doc.tokens;
  if (!['DET', 'PROPN', 'NOUN', 'PRON', 'NUM', 'ADJ'].includes(pos[from] ?? '')) return false;
  for (let k = from + 1; k < Math.min(ctx.sentenceTo, from + 7); k++) {
    if (lower[k] === ',') return false;
    if (pos[k] === 'AUX') return true;
    if (pos[k] === 'VERB') return !(lower[k] ?? '').endsWith('ing') && lower[k + 1] !== 'by';
  }
  return false;
}

interface PickedRule {
  rule: VerbRule;
  particleEnd: number;
  objectAt: number;
}

function pickVerbRule(
  ctx: ClauseContext,
  v: number,
  rules: VerbRule[],
  subjectFrom: number,
  objectStarts: Map<string, number[]> | undefined,
): PickedRule | null {
  const { doc } = ctx;
  const end = Math.min(clauseEnd(ctx, v + 1), v + 10);
  // The rules one of whose object phrases starts with a word around the verb; rules without an
  // object phrase are always in play. (Walking every phrase of every rule cost more than the rest.)
  const inPlay = new Uint8Array(rules.length);
  const mark = (word: string) => {
    for (const i of objectStarts?.get(word) ?? []) inPlay[i] = 1;
  };
  for (let k = Math.max(subjectFrom, v - 6); k < end; k++) {
    const lower = doc.tokens.lower[k] ?? '';
    mark(doc.tokens.lemma[k] ?? '');
    mark(lower);
    mark(singular(lower));
  }
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as VerbRule;
    if (rule.after.length && !inPlay[i]) continue;
    let particleEnd = v + 1;
    if (rule.particle) {
      const parts = rule.particle.split(' ');
      // The particle may follow the verb directly or after a short object ("called Russia on").
      let at = -1;
      for (let k = v + 1; k <= Math.min(v + 3, end - 1); k++)
        if (matchPhraseAt(doc, k, parts)) {
          at = k;
          break;
        }
      if (at < 0) continue;
      particleEnd = at === v + 1 ? at + parts.length : v + 1;
    }
    if (rule.notAfter.length && findAny(doc, v + 1, end, rule.notAfter) >= 0) continue;
    let objectAt = -1;
    if (rule.after.length) {
      objectAt = findAny(doc, v + 1, end, rule.after);
      // Passive voice puts the object first ("sanctions were imposed"); a hyphenated verb carries
      // it just before ("test-fired").
      if (objectAt < 0) {
        const passive = isPassive(doc, verbGroup(doc, v, subjectFrom));
        objectAt = findAny(
          doc,
          passive ? Math.max(subjectFrom, v - 6) : Math.max(subjectFrom, v - 3),
          v,
          rule.after,
          v + 1,
        );
        if (objectAt >= 0 && !passive && doc.tokens.value[v - 1] !== '-') objectAt = -1;
      }
      if (objectAt < 0) continue;
    }
    return { rule, particleEnd, objectAt };
  }
  return null;
}

function codeVerb(
  ctx: ClauseContext,
  v: number,
  si: number,
  picked: PickedRule,
  earlier: readonly EventCandidate[],
  places: PlaceFinder,
): EventCandidate[] {
  const { doc } = ctx;
  const group = verbGroup(doc, v, ctx.sentenceFrom);
  const { rule, particleEnd } = picked;
  const modality = readModality(doc, group, ctx.sentenceFrom);
  if (modality.mood === 'hypothetical') return [];
  // "because of fighting between…", "after shelling": a gerund used as a noun names background.
  // "Russian troops fighting in Ukraine", "troops fighting in Tigray killed…": a participle of force
  // right after its noun describes the noun; it is no act of its own ("demonstrators protesting" is).
  if (
    /^(18|19|20)/.test(rule.code) &&
    doc.tokens.lower[v]?.endsWith('ing') &&
    group.from === v &&
    /^(NOUN|PROPN)$/.test(doc.tokens.pos[v - 1] ?? '') &&
    (doc.phraseAt[v - 1] ?? -1) >= 0
  )
    return [];
  // "the killing of a Sikh leader" is a noun, not the subject's act.
  const before = doc.tokens.lower[v - 1] ?? '';
  if (doc.tokens.lower[v]?.endsWith('ing') && (BACKGROUND.has(before) || ARTICLES.has(before))) return [];
  if (takesClause(doc, particleEnd, rule.code) || transitiveProtest(doc, particleEnd, rule)) return [];

  // "victims killed by the crash", "a plan backed by Iran": a participle after a noun is passive.
  const reducedPassive = !isPassive(doc, group) && isReducedPassive(doc, v, particleEnd);
  // "is opposed to", "is committed to": an adjective of the subject's own stance, not a passive.
  const stance = STANCE_PARTICIPLES.has(doc.tokens.lemma[v] ?? '') && doc.tokens.lower[particleEnd] === 'to';
  const passive = !stance && (reducedPassive || isPassive(doc, group));
  let sources: ActorPhrase[];
  let targets: ActorPhrase[];
  let targetDistance = 0;
  if (passive) {
    sources = passiveAgent(ctx, particleEnd);
    targets = reducedPassive ? phraseEndingAt(doc, v) : subjectOf(ctx, group.from);
    // "Sanctions were imposed on Iran by the EU": the subject is the action, the target follows.
    if (targets.length === 0) targets = targetAfter(ctx, particleEnd, true)?.phrases ?? [];
  } else {
    // "telephoned Erdogan to offer condolences", "agreed to meet": an infinitive shares the subject
    // of the verb it depends on, not the object standing before it.
    const governing =
      group.words[0] === 'to'
        ? governingVerbOf(doc, group.from, ctx.sentenceFrom)
        : participleHead(doc, v, group.from, ctx.sentenceFrom);
    sources = subjectOf(ctx, governing >= 0 ? verbGroup(doc, governing, ctx.sentenceFrom).from : group.from);
    const ownKeys = keysOf(sources);
    const t = targetAfter(
      ctx,
      particleEnd,
      false,
      ownKeys,
      CLAUSE_ROOTS.has(rule.code.slice(0, 2)),
      AIMED_ROOTS.has(rule.code.slice(0, 2)),
    );
    targets = t?.phrases ?? [];
    targetDistance = t ? (doc.phrases[t.at]?.from ?? v) - v : 0;
  }
  if (sources.length === 0) return [];
  // "Sudanese refugees are still arriving in eastern Chad": crowds travel, they do not pay visits.
  if (
    rule.code.startsWith('04') &&
    TRAVEL.has(doc.tokens.lemma[v] ?? '') &&
    sources.every((p) => p.actors.every((a) => a.sector === 'CVL'))
  )
    return [];
  // Parties acting together ("A and B met in Istanbul") act towards each other, not the place.
  // "Chinese and Russian warships" is one phrase of two parties: for acting together it counts as two.
  if (sources.length === 1 && (sources[0]?.actors.length ?? 0) > 1)
    sources = splitParties(sources[0] as ActorPhrase);
  const mutual = sources.length > 1 && MUTUAL_ROOTS.has(rule.code.slice(0, 2));
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
  let negated = modality.negated;
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
  return pairUp(sources, targets, code, {
    trigger: [v, particleEnd],
    lemma: doc.tokens.lemma[v] ?? '',
    rule: rule.id,
    negated,
    mood: modality.mood,
    reported,
    sentence: si,
    confidence: 0.85 - Math.min(0.3, Math.max(0, targetDistance - 4) * 0.03) + (rule.after.length ? 0.05 : 0),
  });
}

const STANCE_PARTICIPLES = new Set([
  'oppose',
  'commit',
  'dedicate',
  'devote',
  'determine',
  'prepare',
  'resign',
]);

/** ", killing about 20 people": a participle after a comma shares the main verb's subject. */
function participleHead(doc: Doc, v: number, from: number, sentenceFrom: number): number {
  if (doc.tokens.lower[from - 1] !== ',' || !doc.tokens.lower[v]?.endsWith('ing')) return -1;
  for (let k = from - 2; k >= sentenceFrom; k--) if (doc.tokens.pos[k] === 'VERB') return k;
  return -1;
}

/** The verb an infinitive depends on: "agreed [to meet]", "telephoned Erdogan [to offer]". */
function governingVerbOf(doc: Doc, to: number, sentenceFrom: number): number {
  for (let k = to - 1; k >= Math.max(sentenceFrom, to - 8); k--) {
    const pos = doc.tokens.pos[k];
    if (pos === 'VERB') return k;
    // "visit Mauritania and Senegal to mediate": an "and" inside the object does not end the search.
    if (
      pos === 'PUNCT' ||
      (doc.tokens.lower[k] === 'and' && !/^(NOUN|PROPN|DET|ADJ)$/.test(doc.tokens.pos[k + 1] ?? ''))
    )
      return -1;
  }
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

/** Reactions to an event named by a noun: "condemned the launch", "welcomed the move". */
const REACTION_ROOTS = new Set(['05', '10', '11', '12', '13', '14']);

/**
 * "North Korea test-fired a missile, and Japan condemned the launch": a reaction to an event
 * named by a noun targets whoever did the last event in this or the previous sentence.
 */
function reactionTarget(
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
function keysOf(phrases: ActorPhrase[]): Set<string> {
  return new Set(phrases.flatMap((p) => p.actors.map((a) => a.key)));
}

/** Verbs that answer an earlier act: "India struck sites in Pakistan, and Pakistan vowed to retaliate". */
const RETALIATION = new Set(['retaliate', 'avenge', 'revenge']);

/** The source of the latest event by another party in this or the previous sentence. */
function lastOtherActor(
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
 * Roots whose events a state also does at home, to its own people: "lifted the curfew in
 * Khartoum", "imposed a curfew in Cizre", "a bombing in Baghdad" (CAMEO codes these SDN->SDN).
 */
const DOMESTIC_ROOTS = new Set(['08', '17', '18', '19', '20']);

/**
 * "threatened to walk out of the talks if the United States deploys the missiles": a threat is
 * aimed at whoever must meet its condition.
 */
function conditionSubject(ctx: ClauseContext, from: number, sources: ActorPhrase[]): ActorPhrase[] {
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
function placeAsTarget(
  ctx: ClauseContext,
  from: number,
  code: string,
  sources: ActorPhrase[],
  places: PlaceFinder,
  done: boolean,
): ActorPhrase[] {
  if (!LOCATED_ROOTS.has(code.slice(0, 2))) return [];
  const { doc } = ctx;
  const limit = Math.min(ctx.sentenceTo, from + 10);
  // After the verb first, then before it ("a build-up on Ukraine's borders, now amassing troops").
  const positions: number[] = [];
  // Up to a comma or the next predicate ("released prisoners and deported them to the US").
  for (let k = from; k < limit && doc.tokens.lower[k] !== ',' && doc.tokens.pos[k] !== 'VERB'; k++)
    positions.push(k);
  for (let k = from - 2; k >= Math.max(ctx.sentenceFrom, from - 12); k--) positions.push(k);
  for (const k of positions) {
    const w = doc.tokens.lower[k] ?? '';
    // "withdrew from Kherson": a retreat names the place it leaves.
    if (
      !['in', 'to', 'at', 'on', 'near', 'along', 'into', 'around', 'off'].includes(w) &&
      !(w === 'from' && code.startsWith('087'))
    )
      continue;
    const j = placeNameAfter(doc, k + 1);
    const pi = doc.phraseAt[j] ?? -1;
    const phrase = doc.phrases[pi] ?? cityPhrase(doc, j, limit, places);
    // "in the Gaza Strip": the name may take its article along.
    if (!phrase || (phrase.from !== j && phrase.from !== k + 1) || phrase.viaCoreference) continue;
    const a = phrase.actors[0];
    if (!a || a.person || a.org || a.country == null) continue;
    const ownState = sources.some((s) => s.actors.some((x) => x.key === a.key));
    // What a state vows or plans to do is aimed at others; only what it did at home targets itself.
    if (ownState && !(done && DOMESTIC_ROOTS.has(code.slice(0, 2)) && actsForState(sources, code))) continue;
    // At home the place is the country, not its government ("in Khartoum" is Sudan, not SDNGOV).
    return ownState
      ? [{ ...phrase, asPlace: true, actors: [{ ...a, code: a.key, sector: null }] }]
      : [phrase];
  }
  return [];
}

/**
 * A protest with no named target is against the protesters' own government, as CAMEO codes
 * domestic dissent ("thousands of students staged demonstrations" -> IDNCVL 141 IDNGOV).
 */
function protestedGovernment(
  doc: Doc,
  code: string,
  sources: ActorPhrase[],
  places: PlaceFinder,
): ActorPhrase[] {
  if (code.slice(0, 2) !== '14') return [];
  const source = sources[0]?.actors[0];
  if (!source?.country || source.sector === 'GOV') return [];
  const state = places.stateOf({ name: source.country, country: source.country, lat: null, lon: null });
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

/** A past participle right after a noun and followed by "by": "victims killed by …". */
function isReducedPassive(doc: Doc, v: number, after: number): boolean {
  const w = doc.tokens.lower[v] ?? '';
  if (!/(ed|en|wn)$/.test(w)) return false;
  const prev = doc.tokens.pos[v - 1];
  if (prev !== 'NOUN' && prev !== 'PROPN') return false;
  return doc.tokens.lower[after] === 'by' || doc.tokens.lower[after + 1] === 'by';
}

function phraseEndingAt(doc: Doc, v: number): ActorPhrase[] {
  const pi = doc.phraseAt[v - 1] ?? -1;
  const p = doc.phrases[pi];
  return p && p.to === v && !p.modifier ? [p] : [];
}

/** People a state coerces at home, named only by what they are: "suspended education for women". */
const PEOPLE =
  /^(women|girls|students|journalists|reporters|activists|protesters|demonstrators|opponents|dissidents|critics|civilians|people|residents|workers|lawyers|politicians|candidates|opposition|monks|priests|minorities|refugees|migrants)$/;

/**
 * "Russian police detained Navalny", "the Taliban government suspended university education for
 * women": a coercive act on an unnamed group or an unknown person at home targets the actor's own
 * country, as CAMEO codes domestic repression.
 */
function domesticObject(doc: Doc, from: number, sources: ActorPhrase[], places: PlaceFinder): ActorPhrase[] {
  const source = sources[0]?.actors[0];
  if (!source?.country || sources.length !== 1) return [];
  const { tokens } = doc;
  const to = Math.min(doc.tokens.count, from + 6);
  let at = -1;
  for (let k = from; k < to; k++) {
    if ((doc.phraseAt[k] ?? -1) >= 0) return [];
    const pos = tokens.pos[k];
    if (pos === 'PROPN' || PEOPLE.test(tokens.lower[k] ?? '')) {
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
function ownStatePhrase(
  doc: Doc,
  from: number,
  to: number,
  country: string,
  places: PlaceFinder,
): ActorPhrase[] {
  const state = places.stateOf({ name: country, country, lat: null, lon: null });
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

/** "accused Russia of attacking Ukraine": the gerund is part of the accusation, not an event of its own. */
function isGerundComplement(
  doc: Doc,
  from: number,
  sentenceFrom: number,
  triggers: Map<number, PickedRule>,
): boolean {
  const prev = doc.tokens.lower[from - 1];
  if (!(doc.tokens.lower[from]?.endsWith('ing') && (prev === 'of' || prev === 'for' || prev === 'from')))
    return false;
  for (let k = from - 2; k >= Math.max(sentenceFrom, from - 8); k--) if (triggers.has(k)) return true;
  return false;
}

function hasSpeechVerbBefore(doc: Doc, from: number, sentenceFrom: number): boolean {
  for (let k = from - 1; k >= sentenceFrom; k--) {
    if (doc.tokens.pos[k] === 'VERB' && SPEECH_VERBS.has(doc.tokens.lemma[k] ?? '')) return true;
  }
  return false;
}

function markConsumed(doc: Doc, consumed: Set<number>, at: number, phrases: string[][]): void {
  const p = phrases.find((ph) => matchPhraseAt(doc, at, ph)) ?? [];
  for (let k = 0; k < Math.max(1, p.length); k++) consumed.add(at + k);
}

interface Shared {
  trigger: [number, number];
  lemma: string;
  rule: string;
  negated: boolean;
  mood: 'asserted' | 'intended';
  reported: boolean;
  sentence: number;
  confidence: number;
}

function pairUp(
  sources: ActorPhrase[],
  targets: ActorPhrase[],
  code: string,
  shared: Shared,
): EventCandidate[] {
  const out: EventCandidate[] = [];
  const root = code.slice(0, 2);
  if (targets.length === 0 && sources.length > 1 && MUTUAL_ROOTS.has(root)) {
    // "Jordan and Britain agreed …": each party acts towards the other.
    for (const s of sources) for (const t of sources) if (s !== t) push(out, s, t, code, shared);
    return out;
  }
  if (targets.length === 0) {
    if (!TARGETLESS_ROOTS.has(root)) return out;
    for (const s of sources) push(out, s, null, code, shared);
    return out;
  }
  for (const s of sources) for (const t of targets) if (s !== t) push(out, s, t, code, shared);
  return out;
}

const PLACE_WORDS = new Set(['in', 'at', 'near', 'off', 'across', 'over']);

/** "in Istanbul", "in the Sea of Japan", "off the coast of Taiwan": a name introduced as a place. */
function introducedAsPlace(doc: Doc, from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 5); k--) {
    const w = doc.tokens.lower[k] ?? '';
    if (PLACE_WORDS.has(w)) return true;
    if (w !== 'the' && w !== 'of' && doc.tokens.pos[k] !== 'PROPN' && doc.tokens.pos[k] !== 'NOUN')
      return false;
  }
  return false;
}

/** One phrase naming several parties, as one phrase per party. */
function splitParties(phrase: ActorPhrase): ActorPhrase[] {
  return phrase.actors.map((a) => ({ ...phrase, actors: [a] }));
}

function push(
  out: EventCandidate[],
  s: ActorPhrase,
  t: ActorPhrase | null,
  code: string,
  shared: Shared,
): void {
  for (const sa of s.actors) {
    const tas = t ? t.actors : [null];
    for (const ta of tas) {
      const viaCoref = s.viaCoreference || (t?.viaCoreference ?? false);
      out.push({
        ...shared,
        source: sa,
        target: ta,
        sourcePhrase: s,
        targetPhrase: t,
        code,
        confidence: Math.max(0.1, shared.confidence - (viaCoref ? 0.15 : 0) - (t ? 0 : 0.1)),
      });
    }
  }
}

function codeNoun(
  ctx: ClauseContext,
  n: number,
  si: number,
  rules: RuleIndex,
  consumed: Set<number>,
): EventCandidate[] {
  const { doc } = ctx;
  const lemma = doc.tokens.lemma[n] ?? '';
  const list = rules.nouns.get(lemma) ?? rules.nouns.get(singular(doc.tokens.lower[n] ?? ''));
  if (!list) return [];
  for (const rule of list) {
    const words = rule.lemma.split(' ');
    if (!matchPhraseAt(doc, n, words)) continue;
    const end = n + words.length;
    if (isBackgroundMention(doc, n, ctx.sentenceFrom)) return [];
    if (rule.after.length && findAny(doc, end, Math.min(ctx.sentenceTo, end + 6), rule.after) < 0) continue;
    // Target: an actor right after a linking preposition ("sanctions on Iran", "talks with Kyiv").
    let link = -1;
    for (let k = end; k < Math.min(ctx.sentenceTo, end + 5); k++) {
      if (rule.links.includes(doc.tokens.lower[k] ?? '')) {
        link = k;
        break;
      }
      // Skip modifiers and a place ("talks in Istanbul between …").
      const pos = doc.tokens.pos[k];
      if (!['ADJ', 'NOUN', 'DET', 'ADP', 'PROPN', 'NUM'].includes(pos ?? '')) break;
    }
    let targets: ActorPhrase[] = [];
    if (link >= 0) {
      for (let k = link + 1; k < Math.min(ctx.sentenceTo, link + 4); k++) {
        const pi = doc.phraseAt[k] ?? -1;
        if (pi >= 0) {
          targets = coordinated(doc, pi);
          break;
        }
      }
    }
    const between = doc.tokens.lower[link] === 'between' && !MEDIATION.test(rule.code);
    let sources: ActorPhrase[] = [];
    let mood: Mood = 'asserted';
    let negated = false;
    if (!between) {
      const modifier = modifierPhrase(doc, n, ctx.sentenceFrom);
      if (modifier >= 0) sources = coordinated(doc, modifier);
      else {
        const governor = governingVerb(doc, n, ctx.sentenceFrom);
        if (governor < 0) continue;
        const group = verbGroup(doc, governor, ctx.sentenceFrom);
        const m = readModality(doc, group, ctx.sentenceFrom);
        mood = m.mood;
        negated = m.negated;
        sources = isPassive(doc, group) ? passiveAgent(ctx, end) : subjectOf(ctx, group.from);
      }
    }
    if (mood === 'hypothetical') return [];
    // "talks between A and B" are A's with B and B's with A; "mediation between A and B" is the mediator's.
    if (between && targets.length > 1 && !MEDIATION.test(rule.code)) {
      sources = targets;
      targets = [];
    }
    if (sources.length === 0) continue;
    const code = mood === 'intended' ? (rule.intent ?? intentCodeFor(rule.code)) : rule.code;
    for (let k = n; k < end; k++) consumed.add(k);
    return pairUp(sources, targets, code, {
      trigger: [n, end],
      lemma: rule.lemma,
      rule: rule.id,
      negated,
      mood,
      reported: hasSpeechVerbBefore(doc, n, ctx.sentenceFrom),
      sentence: si,
      confidence: 0.7,
    });
  }
  return [];
}

/** Prepositions that cite an event as background: "since the invasion", "despite sanctions". */
const ARTICLES = new Set(['the', 'a', 'an']);
const BACKGROUND = new Set([
  'since',
  'after',
  'before',
  'despite',
  'amid',
  'following',
  'over',
  'with',
  'of',
  'about',
  'from',
  'like',
  'during',
  'until',
  'by',
  'through',
  'under',
  'beyond',
  'toward',
  'towards',
  'regarding',
]);

/**
 * A nominal event named as the context of something else ("with the Russian invasion of Ukraine
 * serving as a reminder", "tensions since the sanctions") is not reported as happening here.
 */
function isBackgroundMention(doc: Doc, n: number, sentenceFrom: number): boolean {
  for (let k = n - 1; k >= Math.max(sentenceFrom, n - 6); k--) {
    const pos = doc.tokens.pos[k];
    const w = doc.tokens.lower[k] ?? '';
    if (BACKGROUND.has(w)) return true;
    if (
      (doc.phraseAt[k] ?? -1) >= 0 ||
      pos === 'DET' ||
      pos === 'ADJ' ||
      pos === 'NOUN' ||
      pos === 'NUM' ||
      w === "'s" ||
      w === '’s'
    )
      continue;
    return false;
  }
  return false;
}

/** "Russian air strikes", "Putin's visit": an actor phrase just before the noun. */
function modifierPhrase(doc: Doc, n: number, sentenceFrom: number): number {
  for (let k = n - 1; k >= Math.max(sentenceFrom, n - 4); k--) {
    const pi = doc.phraseAt[k] ?? -1;
    if (pi >= 0) return pi;
    const w = doc.tokens.lower[k] ?? '';
    const pos = doc.tokens.pos[k];
    if (w === "'s" || w === '’s' || w === "'" || pos === 'ADJ' || pos === 'NOUN' || pos === 'NUM') continue;
    if (w === '-') continue;
    return -1;
  }
  return -1;
}

/** "held talks", "launched an attack", "imposed new sanctions": the verb whose object the noun is. */
function governingVerb(doc: Doc, n: number, sentenceFrom: number): number {
  for (let k = n - 1; k >= Math.max(sentenceFrom, n - 5); k--) {
    const pos = doc.tokens.pos[k];
    // A verb of saying takes a clause, not this noun as its object ("said sporadic clashes…").
    if (pos === 'VERB') return SPEECH_VERBS.has(doc.tokens.lemma[k] ?? '') ? -1 : k;
    if (pos === 'DET' || pos === 'ADJ' || pos === 'NUM' || pos === 'NOUN' || pos === 'ADV' || pos === 'PART')
      continue;
    if (doc.tokens.lower[k] === 'of') continue;
    return -1;
  }
  return -1;
}
