/**
 * Event candidates from source and target phrases: who acts towards whom.
 */
import type { ActorPhrase, ResolvedActor } from '../doc.js';
import type { Lexicon } from '../lexicon.js';
import { type Mood } from './modality.js';

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

/** Roots whose events stand without a target ("protesters rallied", "troops were mobilised"). */
const TARGETLESS_ROOTS = new Set(['01', '14', '15']);

/** Codes that two parties do together: "A and B met" is A->B and B->A. */
const MUTUAL_ROOTS = new Set(['03', '04', '06', '08', '15', '16', '19']);
/** Of root 05 only diplomatic cooperation and agreements are done together: "A and B praised the
 * ruling" is no praise of each other. */
const MUTUAL_CODES = new Set(['050', '057']);

/**
 * "The United States, Australia, …, Malaysia and Brunei hope to wrap up negotiations": a list of many
 * parties is a multilateral forum, not that many dyads (nine parties would make 72 events, and weigh
 * that one sentence 72 times in every dyad series).
 */
const MAX_MUTUAL_PARTIES = 4;

/**
 * Whether parties acting together (and at no one else) act towards each other. Force is used
 * together against a third party ("the US, UK and France carried out the airstrikes") unless the
 * word says the parties fought each other.
 */
export function isMutual(code: string, lemma: string, lexicon: Lexicon): boolean {
  if (code.startsWith('19')) return lexicon.fighting_each_other.has(lemma);
  return MUTUAL_ROOTS.has(code.slice(0, 2)) || MUTUAL_CODES.has(code);
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

export function pairUp(
  sources: ActorPhrase[],
  targets: ActorPhrase[],
  code: string,
  shared: Shared,
  lexicon: Lexicon,
): EventCandidate[] {
  const out: EventCandidate[] = [];
  const root = code.slice(0, 2);
  if (
    targets.length === 0 &&
    sources.length > 1 &&
    sources.length <= MAX_MUTUAL_PARTIES &&
    isMutual(code, shared.lemma, lexicon)
  ) {
    // "Jordan and Britain agreed …": each party acts towards the other.
    for (const s of sources) for (const t of sources) if (s !== t) push(out, s, t, code, shared);
    return out;
  }
  if (targets.length === 0) {
    if (!TARGETLESS_ROOTS.has(root)) return out;
    for (const s of sources) push(out, s, null, code, shared);
    return out;
  }
  const reverse = RECIPROCAL[code];
  for (const s of sources)
    for (const t of targets) {
      if (s === t) continue;
      push(out, s, t, code, shared);
      if (reverse) push(out, t, s, reverse, shared);
    }
  return out;
}

/**
 * Meetings take two: "Modi met Xi" is also Xi's meeting with Modi, and whom a leader hosts pays
 * the visit ("Trump hosted Aliyev": 043 one way, 042 the other).
 */
const RECIPROCAL: Record<string, string> = {
  '040': '040',
  '041': '041',
  '043': '042',
  '044': '044',
  '046': '046',
};

/** One phrase naming several parties, as one phrase per party. */
export function splitParties(phrase: ActorPhrase): ActorPhrase[] {
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
