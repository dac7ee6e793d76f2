/**
 * Verb rules: which dictionary rule a verb token fires, and where its object phrase starts.
 */
import type { CompiledDictionary, NounRule, VerbRule } from '../../dictionaries/types.js';
import type { Doc } from '../doc.js';
import { CLAUSE_BREAKS, type ClauseContext, isPassive, verbGroup } from './syntax.js';

export interface RuleIndex {
  verbs: Map<string, VerbRule[]>;
  nouns: Map<string, NounRule[]>;
  /** Per verb's rule list: first word of an object phrase -> the rules that have one starting so. */
  objectStarts: Map<VerbRule[], Map<string, number[]>>;
  /** Nouns that name an act of force (18-20), and the last words of those of several words:
   * "shelling", "air strike", "strike". */
  forceNouns: Set<string>;
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
  const forceNouns = new Set(
    dict.nouns
      .filter((r) => /^(18|19|20)/.test(r.code))
      .flatMap((r) => [r.lemma, r.lemma.split(' ').pop() ?? '']),
  );
  return { verbs, nouns, objectStarts, forceNouns };
}

/**
 * The verb rules for token `v`, if it is a verb: wink tags some inflected verbs as nouns or
 * adjectives ("abducted", "beheaded"), and hyphen compounds ("Iran-backed", "US-led") are no verbs.
 */
export function verbRulesAt(doc: Doc, v: number, rules: RuleIndex): VerbRule[] | null {
  const { tokens } = doc;
  const pos = tokens.pos[v];
  const value = tokens.value[v] ?? '';
  if (tokens.value[v - 1] === '-' && (doc.phraseAt[v - 2] ?? -1) >= 0) return null;
  // "sanctions-hit Iran", "war-torn Syria": a hyphenated participle before its noun is an adjective.
  if (tokens.value[v - 1] === '-' && /^(NOUN|PROPN|ADJ)$/.test(tokens.pos[v + 1] ?? '')) return null;
  // "could not be reached for comment": after "for" a base form is a noun.
  if (tokens.lower[v - 1] === 'for' && !(tokens.lower[v] ?? '').endsWith('ing')) return null;
  // "is likely to end up taking a loan": the phrasal verb only says how things turned out.
  if (tokens.lemma[v] === 'end' && tokens.lower[v + 1] === 'up') return null;
  // A capitalised "verb" inside a sentence is a name ("Hang Seng", "Sarah Lynch"), and one in
  // capitals among words that are not is an acronym ("analyst at NAB Research").
  if (
    pos === 'VERB' &&
    v > (doc.sentences[tokens.sentence[v] ?? 0]?.from ?? 0) &&
    /^\p{Lu}/u.test(value) &&
    (value !== value.toUpperCase() || !inCapitals(tokens.value[v - 1]) || !inCapitals(tokens.value[v + 1]))
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
  // "…in the Rwandan capital alleged that": an -ed word before "that" is a verb of saying.
  const beforeThat = tokens.lower[v + 1] === 'that';
  if (
    (pos === 'ADJ' || pos === 'NOUN') &&
    /ed$/.test(tokens.lower[v] ?? '') &&
    (beforeThat || afterActorOrAux(doc, v))
  ) {
    for (const lemma of participleLemmas(tokens.lower[v] ?? '')) {
      const list = rules.verbs.get(lemma);
      if (list) return list;
    }
  }
  return null;
}

/** A word set in capitals, or punctuation (which a headline in capitals may hold too). */
const inCapitals = (w: string | undefined) => w === undefined || w === w.toUpperCase();

function isAttributive(doc: Doc, v: number): boolean {
  const { tokens } = doc;
  // "jailed activists", "frozen Russian assets"
  if (!/(ed|en)$/.test(tokens.lower[v] ?? '')) return false;
  const before = tokens.pos[v - 1] ?? '';
  const after = tokens.pos[v + 1] ?? '';
  // "meet with exiled dissidents": after a preposition, too, the participle opens a noun phrase.
  const describes =
    before === 'NUM' ||
    before === 'DET' ||
    before === 'ADP' ||
    (before === 'VERB' && /ing$/.test(tokens.lower[v - 1] ?? ''));
  return describes && /^(NOUN|PROPN|ADJ)$/.test(after) && tokens.lower[v - 1] !== 'that';
}

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

export interface PickedRule {
  rule: VerbRule;
  particleEnd: number;
  objectAt: number;
}

export function pickVerbRule(
  ctx: ClauseContext,
  v: number,
  rules: VerbRule[],
  subjectFrom: number,
  objectStarts: Map<string, number[]> | undefined,
): PickedRule | null {
  const { doc } = ctx;
  const end = Math.min(clauseEnd(ctx, v + 1), v + 10);
  // "he added, blaming the EU sanctions": a verb followed by a comma takes no object after it.
  const objectEnd = doc.tokens.lower[v + 1] === ',' ? v + 1 : end;
  // The rules one of whose object phrases starts with a word around the verb; rules without an
  // object phrase are always in play. (Walking every phrase of every rule cost more than the rest.)
  const inPlay = new Uint8Array(rules.length);
  const mark = (word: string) => {
    for (const i of objectStarts?.get(word) ?? []) inPlay[i] = 1;
  };
  for (let k = Math.max(subjectFrom, v - 6); k < objectEnd; k++) {
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
      objectAt = findAny(doc, v + 1, objectEnd, rule.after);
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

export function matchPhraseAt(doc: Doc, at: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const want = phrase[k];
    const lemma = doc.tokens.lemma[at + k];
    const lower = doc.tokens.lower[at + k];
    if (want !== lemma && want !== lower && want !== singular(lower ?? '')) return false;
  }
  return true;
}

export const singular = (w: string) =>
  w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;

/** Where in [from, to) one of `phrases` starts (ending by `end`); -1 if none. */
export function findAny(doc: Doc, from: number, to: number, phrases: string[][], end = Infinity): number {
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
