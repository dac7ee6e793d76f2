/**
 * Governors and their complements: which of two linked triggers carries the event.
 */
import type { Doc } from '../doc.js';
import { INTENT_GOVERNORS, SPEECH_VERBS } from './modality.js';
import { CLAUSE_BREAKS, verbGroup } from './syntax.js';
import type { PickedRule } from './events-rules.js';

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
export function silencedTriggers(
  doc: Doc,
  picks: Map<number, PickedRule>,
  sentenceFrom: number,
): Set<number> {
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

/** The verb an infinitive depends on: "agreed [to meet]", "telephoned Erdogan [to offer]". */
export function governingVerbOf(doc: Doc, to: number, sentenceFrom: number): number {
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

/** Whether a noun sits in the object of a verb that carries an event (up to 8 tokens after it). */
export function insideVerbObject(
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

export function hasSpeechVerbBefore(doc: Doc, from: number, sentenceFrom: number): boolean {
  for (let k = from - 1; k >= sentenceFrom; k--) {
    if (doc.tokens.pos[k] === 'VERB' && SPEECH_VERBS.has(doc.tokens.lemma[k] ?? '')) return true;
  }
  return false;
}
