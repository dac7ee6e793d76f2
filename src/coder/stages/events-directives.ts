/**
 * Events read from the clause's shape rather than from a verb rule: what one party says another must
 * do, what it wants another to do, and the charge in claiming that another did harm.
 */
import type { Doc } from '../doc.js';
import { readModality, SPEECH_VERBS } from './modality.js';
import { type ClauseContext, coordinated, subjectOf, verbGroup } from './syntax.js';
import { pairUp, type EventCandidate } from './events-pairs.js';
import type { PickedRule } from './events-rules.js';

const OBLIGATION = new Set(['must', 'should']);
/** Verbs whose object and infinitive say what the subject asks of another: "wants Putin to attack". */
const WANTING = new Set(['want', 'wish']);

/** A directive read from its clause: which verbs, where the addressee stands, what must follow it. */
interface DirectiveShape {
  verbs: ReadonlySet<string>;
  addresseeAt: (doc: Doc, v: number, sentenceTo: number) => number;
  followedBy: (doc: Doc, at: number) => boolean;
  code: string;
  rule: string;
  confidence: number;
}

/**
 * "Russia said Sudan must return the helicopter", "Britain reiterated that Libya must hand over…":
 * telling another party what it must do is a demand (CAMEO 10), whatever the speech verb.
 */
const MUST_DEMAND: DirectiveShape = {
  verbs: SPEECH_VERBS,
  addresseeAt: (doc, v, sentenceTo) => clauseStartAfter(doc, v + 1, sentenceTo),
  followedBy: (doc, at) => OBLIGATION.has(doc.tokens.lower[at] ?? ''),
  code: '100',
  rule: 'syntax/must-demand',
  confidence: 0.7,
};

/**
 * "Obama wants Putin to attack Switzerland", "the EU wants Serbia to recognise Kosovo": wanting
 * another party to act is an appeal to it (CAMEO 02), whatever the act asked for.
 */
const WANT_APPEAL: DirectiveShape = {
  verbs: WANTING,
  addresseeAt: (_doc, v) => v + 1,
  followedBy: (doc, at) => doc.tokens.lower[at] === 'to' && doc.tokens.pos[at + 1] === 'VERB',
  code: '020',
  rule: 'syntax/want-appeal',
  confidence: 0.6,
};

export const mustDemands = (ctx: ClauseContext, si: number, picks: Map<number, PickedRule>) =>
  directives(ctx, si, picks, MUST_DEMAND);
export const wantAppeals = (ctx: ClauseContext, si: number, picks: Map<number, PickedRule>) =>
  directives(ctx, si, picks, WANT_APPEAL);

function directives(
  ctx: ClauseContext,
  si: number,
  picks: Map<number, PickedRule>,
  shape: DirectiveShape,
): EventCandidate[] {
  const { doc } = ctx;
  const out: EventCandidate[] = [];
  for (let v = ctx.sentenceFrom; v < ctx.sentenceTo; v++) {
    if (doc.tokens.pos[v] !== 'VERB' || !shape.verbs.has(doc.tokens.lemma[v] ?? '') || picks.has(v)) continue;
    const pi = doc.phraseAt[shape.addresseeAt(doc, v, ctx.sentenceTo)] ?? -1;
    const phrase = doc.phrases[pi];
    if (!phrase || phrase.modifier) continue;
    const targets = coordinated(doc, pi);
    const last = targets[targets.length - 1] ?? phrase;
    if (!shape.followedBy(doc, last.to)) continue;
    const group = verbGroup(doc, v, ctx.sentenceFrom);
    const sources = subjectOf(ctx, group.from);
    const m = readModality(doc, group, ctx.sentenceFrom);
    if (sources.length === 0 || m.mood === 'hypothetical') continue;
    out.push(
      ...pairUp(
        sources,
        targets,
        shape.code,
        {
          trigger: [v, v + 1],
          lemma: doc.tokens.lemma[v] ?? '',
          rule: shape.rule,
          negated: m.negated,
          mood: 'asserted',
          reported: false,
          sentence: si,
          confidence: shape.confidence,
        },
        doc.lexicon,
      ),
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

/** Verbs of saying that assert a charge, unlike "said" or "reported". */
const CHARGING = new Set(['claim', 'allege', 'charge']);

/**
 * "The US claimed that ISIL had attacked Iraq": to claim that another party did harm is to accuse it
 * (112), besides the harm reported.
 */
export function claimAccusations(
  ctx: ClauseContext,
  si: number,
  picks: Map<number, PickedRule>,
  reported: readonly EventCandidate[],
): EventCandidate[] {
  const { doc } = ctx;
  const out: EventCandidate[] = [];
  const accused = new Set<number>();
  for (const e of reported) {
    if (!e.reported || !/^(1[4-9]|20)/.test(e.code) || accused.has(e.sourcePhrase.from)) continue;
    let v = e.trigger[0] - 1;
    while (
      v >= ctx.sentenceFrom &&
      !(doc.tokens.pos[v] === 'VERB' && CHARGING.has(doc.tokens.lemma[v] ?? ''))
    )
      v--;
    if (v < ctx.sentenceFrom || picks.has(v) || e.sourcePhrase.from < v) continue;
    const group = verbGroup(doc, v, ctx.sentenceFrom);
    const speakers = subjectOf(ctx, group.from).filter((p) => p.actors.every((a) => a.key !== e.source.key));
    const m = readModality(doc, group, ctx.sentenceFrom);
    if (speakers.length === 0 || m.mood === 'hypothetical') continue;
    accused.add(e.sourcePhrase.from);
    out.push(
      ...pairUp(
        speakers,
        [e.sourcePhrase],
        '112',
        {
          trigger: [v, v + 1],
          lemma: doc.tokens.lemma[v] ?? '',
          rule: 'syntax/claim-accusation',
          negated: m.negated,
          mood: 'asserted',
          reported: false,
          sentence: si,
          confidence: 0.6,
        },
        doc.lexicon,
      ),
    );
  }
  return out;
}
