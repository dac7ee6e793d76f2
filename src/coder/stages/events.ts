/**
 * Events stage: verb and noun patterns from the dictionary, anchored on a trigger word, with the
 * source from the clause subject (or the passive agent) and the target from the object.
 */
import type { CompiledDictionary, NounRule, VerbRule } from '../../dictionaries/types.js';
import type { ActorPhrase, Doc, ResolvedActor } from '../doc.js';
import { intentCodeFor, readModality, SPEECH_VERBS, type Mood } from './modality.js';
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
  return { verbs, nouns };
}

/** Roots whose events stand without a target ("protesters rallied", "troops were mobilised"). */
const TARGETLESS_ROOTS = new Set(['14', '15']);
/** Codes that two parties do together: "A and B met" is A->B and B->A. */
const MUTUAL_ROOTS = new Set(['03', '04', '05', '06', '19']);

export function findEvents(doc: Doc, rules: RuleIndex): EventCandidate[] {
  const out: EventCandidate[] = [];
  doc.sentences.forEach((s, si) => {
    const ctx: ClauseContext = {
      doc,
      sentenceFrom: s.from,
      sentenceTo: s.to,
      relMask: relativeClauseMask(doc, s.from, s.to),
    };
    const consumed = new Set<number>();
    const triggers = new Set<number>();
    for (let v = s.from; v < s.to; v++) {
      if (doc.tokens.pos[v] !== 'VERB') continue;
      const list = rules.verbs.get(doc.tokens.lemma[v] ?? '');
      if (list) triggers.add(v);
    }
    for (const v of triggers) {
      const found = codeVerb(ctx, v, si, rules, consumed, triggers);
      out.push(...found);
    }
    for (let n = s.from; n < s.to; n++) {
      if (consumed.has(n)) continue;
      const pos = doc.tokens.pos[n];
      if (pos !== 'NOUN' && pos !== 'PROPN') continue;
      out.push(...codeNoun(ctx, n, si, rules, consumed));
    }
  });
  return out;
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

/** Where in [from, to) one of `phrases` occurs; -1 if none. */
function findAny(doc: Doc, from: number, to: number, phrases: string[][]): number {
  for (let k = from; k < to; k++) {
    for (const p of phrases) if (matchPhraseAt(doc, k, p)) return k;
  }
  return -1;
}

function clauseEnd(ctx: ClauseContext, from: number): number {
  const { lower } = ctx.doc.tokens;
  for (let k = from; k < ctx.sentenceTo; k++) if (CLAUSE_BREAKS.has(lower[k] ?? '')) return k;
  return ctx.sentenceTo;
}

function pickVerbRule(
  ctx: ClauseContext,
  v: number,
  rules: VerbRule[],
  subjectFrom: number,
): { rule: VerbRule; particleEnd: number; objectAt: number } | null {
  const { doc } = ctx;
  const end = Math.min(clauseEnd(ctx, v + 1), v + 10);
  for (const rule of rules) {
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
      // Passive voice puts the object first: "sanctions were imposed".
      if (objectAt < 0) objectAt = findAny(doc, Math.max(subjectFrom, v - 6), v, rule.after);
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
  rules: RuleIndex,
  consumed: Set<number>,
  triggers: Set<number>,
): EventCandidate[] {
  const { doc } = ctx;
  const group = verbGroup(doc, v, ctx.sentenceFrom);
  const candidates = rules.verbs.get(doc.tokens.lemma[v] ?? '') ?? [];
  const picked = pickVerbRule(ctx, v, candidates, ctx.sentenceFrom);
  if (!picked) return [];
  const { rule, particleEnd, objectAt } = picked;
  if (objectAt >= 0) markConsumed(doc, consumed, objectAt, rule.after);
  const modality = readModality(doc, group, ctx.sentenceFrom);
  if (modality.mood === 'hypothetical') return [];
  // "refused to meet", "urged Iran to stop": the governing verb carries the event.
  if (modality.governor != null && triggers.has(modality.governor)) return [];
  if (isGerundComplement(doc, group.from, ctx.sentenceFrom, triggers)) return [];

  const passive = isPassive(doc, group);
  let sources: ActorPhrase[];
  let targets: ActorPhrase[];
  let targetDistance = 0;
  if (passive) {
    sources = passiveAgent(ctx, particleEnd);
    targets = subjectOf(ctx, group.from);
  } else {
    sources = subjectOf(ctx, group.from);
    const t = targetAfter(ctx, particleEnd);
    targets = t?.phrases ?? [];
    targetDistance = t ? (doc.phrases[t.at]?.from ?? v) - v : 0;
  }
  if (sources.length === 0) return [];
  const code = modality.mood === 'intended' ? (rule.intent ?? intentCodeFor(rule.code)) : rule.code;
  const reported = hasSpeechVerbBefore(doc, group.from, ctx.sentenceFrom);
  return pairUp(sources, targets, code, {
    trigger: [v, particleEnd],
    lemma: doc.tokens.lemma[v] ?? '',
    rule: rule.id,
    negated: modality.negated,
    mood: modality.mood,
    reported,
    sentence: si,
    confidence: 0.85 - Math.min(0.3, Math.max(0, targetDistance - 4) * 0.03) + (rule.after.length ? 0.05 : 0),
  });
}

/** "accused Russia of attacking Ukraine": the gerund is part of the accusation, not an event of its own. */
function isGerundComplement(doc: Doc, from: number, sentenceFrom: number, triggers: Set<number>): boolean {
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
    if (rule.after.length && findAny(doc, end, Math.min(ctx.sentenceTo, end + 6), rule.after) < 0) continue;
    // Target: an actor right after a linking preposition ("sanctions on Iran", "talks with Kyiv").
    let link = -1;
    for (let k = end; k < Math.min(ctx.sentenceTo, end + 4); k++) {
      if (rule.links.includes(doc.tokens.lower[k] ?? '')) {
        link = k;
        break;
      }
      const pos = doc.tokens.pos[k];
      if (pos !== 'ADJ' && pos !== 'NOUN' && pos !== 'DET' && pos !== 'ADP') break;
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
    const between = doc.tokens.lower[link] === 'between';
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
    if (between && targets.length > 1) {
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
    if (pos === 'VERB') return k;
    if (pos === 'DET' || pos === 'ADJ' || pos === 'NUM' || pos === 'NOUN' || pos === 'ADV' || pos === 'PART')
      continue;
    if (doc.tokens.lower[k] === 'of') continue;
    return -1;
  }
  return -1;
}
