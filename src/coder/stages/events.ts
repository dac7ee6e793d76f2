/**
 * Events stage: verb and noun patterns from the dictionary, anchored on a trigger word, with the
 * source from the clause subject (or the passive agent) and the target from the object.
 */
import type { Doc } from '../doc.js';
import { type PlaceFinder } from './place.js';
import { type ClauseContext, relativeClauseMask } from './syntax.js';
import { insideVerbObject, silencedTriggers } from './events-complements.js';
import { claimAccusations, mustDemands, wantAppeals } from './events-directives.js';
import { codeNoun } from './events-noun.js';
import type { EventCandidate } from './events-pairs.js';
import { matchPhraseAt, pickVerbRule, verbRulesAt, type PickedRule, type RuleIndex } from './events-rules.js';
import { codeVerb } from './events-verb.js';

export function findEvents(doc: Doc, rules: RuleIndex, places: PlaceFinder): EventCandidate[] {
  const out: EventCandidate[] = [];
  doc.sentences.forEach((s, si) => {
    // Every event has its source among the sentence's actor phrases (pronouns included): most
    // sentences of business and market news name none, and need no rule matched at all.
    if (!namesAnActor(doc, s.from, s.to)) return;
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
      // Datelines and subheadings are no part of the sentence.
      if (doc.masked[v]) continue;
      const list = verbRulesAt(doc, v, rules);
      const picked = list ? pickVerbRule(ctx, v, list, s.from, rules.objectStarts.get(list)) : null;
      if (picked) picks.set(v, picked);
    }
    out.push(...mustDemands(ctx, si, picks), ...wantAppeals(ctx, si, picks));
    const silenced = silencedTriggers(doc, picks, s.from);
    const verbal: EventCandidate[] = [];
    for (const [v, picked] of picks) {
      if (silenced.has(v)) continue;
      if (picked.objectAt >= 0) markConsumed(doc, consumed, picked.objectAt, picked.rule.after);
      verbal.push(...codeVerb(ctx, v, si, picked, [...out, ...verbal], places, rules));
    }
    out.push(...withoutProtestSlogans(doc, verbal), ...claimAccusations(ctx, si, picks, verbal));
    for (let n = s.from; n < s.to; n++) {
      if (consumed.has(n) || doc.masked[n]) continue;
      const pos = doc.tokens.pos[n];
      if (pos !== 'NOUN' && pos !== 'PROPN') continue;
      // "accused Israel of genocide", "demanded the release of": the noun is part of that event.
      if (insideVerbObject(doc, n, picks, silenced)) continue;
      out.push(...codeNoun(ctx, n, si, rules, consumed));
    }
  });
  return out;
}

function namesAnActor(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if ((doc.phraseAt[t] ?? -1) >= 0) return true;
  return false;
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

function markConsumed(doc: Doc, consumed: Set<number>, at: number, phrases: string[][]): void {
  const p = phrases.find((ph) => matchPhraseAt(doc, at, ph)) ?? [];
  for (let k = 0; k < Math.max(1, p.length); k++) consumed.add(at + k);
}
