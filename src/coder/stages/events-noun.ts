/**
 * Nominal events: "talks between A and B", "Russian air strikes", "imposed sanctions on Iran".
 */
import type { ActorPhrase, Doc } from '../doc.js';
import { intentCodeFor, readModality, SPEECH_VERBS, type Mood } from './modality.js';
import { type ClauseContext, coordinated, isPassive, passiveAgent, subjectOf, verbGroup } from './syntax.js';
import { hasSpeechVerbBefore } from './events-complements.js';
import { pairUp, type EventCandidate } from './events-pairs.js';
import { type RuleIndex, findAny, matchPhraseAt, singular } from './events-rules.js';

/** Mediation, offers and appeals to mediate: a third party acts between two others. */
export const MEDIATION = /^(045|039|038|028|108|126|135|165)/;

export function codeNoun(
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
    return pairUp(
      sources,
      targets,
      code,
      {
        trigger: [n, end],
        lemma: rule.lemma,
        rule: rule.id,
        negated,
        mood,
        reported: hasSpeechVerbBefore(doc, n, ctx.sentenceFrom),
        sentence: si,
        confidence: 0.7,
      },
      doc.lexicon,
    );
  }
  return [];
}

export const ARTICLES = new Set(['the', 'a', 'an']);

/** Prepositions that cite an event as background: "since the invasion", "despite sanctions". */
export const BACKGROUND = new Set([
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
