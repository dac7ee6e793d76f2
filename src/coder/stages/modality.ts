/**
 * Negation and modality of a verb group: asserted, intended (future, plans, promises) or
 * hypothetical (conditionals, speculation), which yields no event.
 */
import type { Doc } from '../doc.js';
import type { VerbGroup } from './syntax.js';

export type Mood = 'asserted' | 'intended' | 'hypothetical';

const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
const SPECULATIVE = new Set(['could', 'might', 'may', 'should', 'must', 'can', 'ca', 'would']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
/** Verbs and adjectives whose "to"-complement is an intention: "agreed to meet", "ready to talk". */
export const INTENT_GOVERNORS = new Set([
  'agree',
  'plan',
  'intend',
  'want',
  'seek',
  'aim',
  'promise',
  'pledge',
  'vow',
  'offer',
  'prepare',
  'decide',
  'hope',
  'expect',
  'go',
  'ready',
  'willing',
  'prepared',
  'set',
  'due',
  'scheduled',
  'likely',
  'poised',
  'expected',
  'planning',
  'going',
  'wish',
  'propose',
  'commit',
  'committed',
  'determined',
  'eager',
  'resolve',
  'undertake',
  'be',
  'is',
  'are',
  'was',
  'were',
  'arrange',
  'schedule',
]);
/** "the first country to recognise": the one that acted among others. */
const ORDINAL_SUBJECT = new Set(['first', 'last', 'only', 'second', 'third', 'latest']);
/** Nouns whose "to"-complement is an intention: "a plan to visit", "its offer to mediate". */
const INTENT_NOUNS = new Set([
  'plan',
  'plans',
  'decision',
  'bid',
  'offer',
  'pledge',
  'promise',
  'commitment',
  'agreement',
  'deal',
  'move',
  'proposal',
  'intention',
  'readiness',
  'willingness',
  'invitation',
]);
/** Verbs whose "to"-complement has not happened: "need to talk", "hoped to meet" (no event). */
const UNREALISED_GOVERNORS = new Set([
  'need',
  'have',
  'ought',
  'wish',
  'urge',
  'ask',
  'call',
  'dare',
  'deserve',
  'struggle',
]);

/** Verbs that report speech: after them "would" reports an intention rather than a conditional. */
export const SPEECH_VERBS = new Set([
  'say',
  'tell',
  'announce',
  'state',
  'declare',
  'add',
  'warn',
  'claim',
  'insist',
  'report',
  'confirm',
  'indicate',
  'signal',
  'note',
  'write',
  'stress',
  'reiterate',
  'assert',
  'affirm',
  'argue',
  'suggest',
  'explain',
]);
const CONDITIONAL = new Set(['if', 'unless', 'whether']);

export interface ModalityReading {
  mood: Mood;
  /** "will withdraw … unless", "would impose … if": a future action made conditional, i.e. a threat. */
  conditionalFuture?: boolean;
  negated: boolean;
  /** The verb is the "to"-complement of this token (e.g. "refused to meet": the index of "refused"). */
  governor: number | null;
}

export function readModality(doc: Doc, group: VerbGroup, sentenceFrom: number): ModalityReading {
  const { tokens } = doc;
  const words = group.words;
  // wink flags every token after "n't" up to the next punctuation, so only the group's own words count.
  const negated = words.some(
    (w, i) => NEGATORS.has(w) && !(w === 'not' && tokens.lower[group.from + i + 1] === 'only'),
  );
  let mood: Mood = 'asserted';
  let governor: number | null = null;

  if (words.some((w) => FUTURE.has(w))) mood = 'intended';
  else if (words.some((w) => SPECULATIVE.has(w))) {
    const reported = words.includes('would') && hasSpeechVerbBefore(doc, group.from, sentenceFrom);
    mood = reported ? 'intended' : 'hypothetical';
  }
  if (words[0] === 'to' && toldToAct(doc, group.from, sentenceFrom))
    return { mood: 'hypothetical', negated, governor };
  if (words[0] === 'to') {
    const g = nounBeforeItsSource(doc, group.from - 1, sentenceFrom);
    if (g >= sentenceFrom) {
      governor = g;
      const gw = tokens.lemma[g] ?? '';
      const gv = tokens.lower[g] ?? '';
      // "failure to recognise", "the need to talk": a noun's complement is no event,
      // unless the noun is itself a plan or pledge ("a plan to meet").
      // "became the first country to recognise": the first, last or only one to act did act.
      if (tokens.pos[g] === 'NOUN' && ORDINAL_SUBJECT.has(tokens.lower[g - 1] ?? ''))
        return { mood, negated, governor: g };
      if (tokens.pos[g] === 'NOUN') {
        return {
          mood: INTENT_NOUNS.has(gw) || INTENT_NOUNS.has(gv) ? 'intended' : 'hypothetical',
          negated,
          governor: g,
        };
      }
      if (UNREALISED_GOVERNORS.has(gw)) return { mood: 'hypothetical', negated, governor: g };
      if (gw === 'fail') return { mood, negated: true, governor: g };
      if (INTENT_GOVERNORS.has(gw) || INTENT_GOVERNORS.has(gv))
        mood = mood === 'hypothetical' ? mood : 'intended';
      const governorGroup = tokens.lower.slice(Math.max(sentenceFrom, g - 3), g);
      if (governorGroup.some((w) => NEGATORS.has(w))) return { mood, negated: true, governor };
    }
  }
  if (obligedOrDemanded(doc, group.from, governor, sentenceFrom))
    return { mood: 'hypothetical', negated, governor };
  for (let k = group.from - 1; k >= sentenceFrom; k--) {
    const w = tokens.lower[k] ?? '';
    if (w === ';' || w === ':') break;
    if (CONDITIONAL.has(w)) {
      mood = 'hypothetical';
      break;
    }
  }
  const future = words.some((w) => FUTURE.has(w) || w === 'would');
  const sentence = doc.sentences[tokens.sentence[group.verb] ?? -1];
  if (future && sentence) {
    for (let k = sentence.from; k < sentence.to; k++) {
      const w = tokens.lower[k] ?? '';
      if (w === 'if' || w === 'unless')
        return { mood: 'intended', negated, governor, conditionalFuture: true };
    }
  }
  return { mood, negated, governor };
}

/**
 * "faces pressure from Congress to help Iran", "calls by the UN to halt": the noun whose complement
 * the infinitive is may stand before the party it comes from.
 */
function nounBeforeItsSource(doc: Doc, g: number, sentenceFrom: number): number {
  const phrase = doc.phrases[doc.phraseAt[g] ?? -1];
  if (!phrase || phrase.to !== g + 1) return g;
  let k = phrase.from - 1;
  if (doc.tokens.lower[k] === 'the') k--;
  const linked = /^(from|by|of)$/.test(doc.tokens.lower[k] ?? '') && doc.tokens.pos[k - 1] === 'NOUN';
  return linked && k - 1 >= sentenceFrom ? k - 1 : g;
}

/** Verbs whose object is to do what the infinitive says: "wants Putin to attack", "told Netanyahu to stop". */
const OBJECT_CONTROL = new Set([
  'want',
  'wish',
  'expect',
  'need',
  'urge',
  'ask',
  'tell',
  'order',
  'instruct',
  'persuade',
  'encourage',
  'invite',
  'press',
  'pressure',
  'push',
  'advise',
  'warn',
  'call',
  'allow',
  'permit',
  'authorize',
  'authorise',
]);

/**
 * "Obama wants Putin to attack Switzerland": what one party asks of another has not happened, and
 * the asker is not its agent.
 */
function toldToAct(doc: Doc, to: number, sentenceFrom: number): boolean {
  const { tokens } = doc;
  let sawObject = false;
  for (let k = to - 1; k >= Math.max(sentenceFrom, to - 8); k--) {
    const pos = tokens.pos[k];
    if (pos === 'VERB') return sawObject && OBJECT_CONTROL.has(tokens.lemma[k] ?? '');
    // "urged the United States, Israel and Iran to halt": the object may be a list.
    if (sawObject && (tokens.lower[k] === 'and' || tokens.lower[k] === ',')) continue;
    if (pos === 'PUNCT' || tokens.lower[k] === 'and') return false;
    if (pos === 'PROPN' || pos === 'NOUN' || pos === 'PRON') sawObject = true;
  }
  return false;
}

/** Verbs and nouns whose "that"-clause says what someone else is to do, not what they did. */
const DIRECTIVE_WORDS = new Set([
  'demand',
  'urge',
  'insist',
  'ask',
  'request',
  'call',
  'press',
  'appeal',
  'recommend',
  'propose',
  'suggest',
  'order',
  'require',
  'ultimatum',
  'insistence',
]);

/**
 * "demanded Friday that the United States match…", "the US must be ready to mediate": what one
 * party is told to do, or must do, has not happened.
 */
function obligedOrDemanded(
  doc: Doc,
  groupFrom: number,
  governor: number | null,
  sentenceFrom: number,
): boolean {
  const { tokens } = doc;
  // The governor's own modal: "must be ready to mediate".
  if (governor != null)
    for (let k = governor - 1; k >= Math.max(sentenceFrom, governor - 3); k--)
      if (tokens.lower[k] === 'must' || tokens.lower[k] === 'should') return true;
  for (let k = groupFrom - 1; k >= Math.max(sentenceFrom, groupFrom - 12); k--) {
    const w = tokens.lower[k] ?? '';
    if (w === ';' || w === ':') return false;
    if (w !== 'that') continue;
    for (let j = k - 1; j >= Math.max(sentenceFrom, k - 3); j--) {
      if (DIRECTIVE_WORDS.has(tokens.lemma[j] ?? '') || DIRECTIVE_WORDS.has(tokens.lower[j] ?? ''))
        return true;
      const pos = tokens.pos[j];
      if (pos !== 'ADV' && pos !== 'PROPN' && pos !== 'NOUN' && pos !== 'ADP') break;
    }
    return false;
  }
  return false;
}

function hasSpeechVerbBefore(doc: Doc, from: number, sentenceFrom: number): boolean {
  for (let k = from - 1; k >= sentenceFrom; k--) {
    if (doc.tokens.pos[k] === 'VERB' && SPEECH_VERBS.has(doc.tokens.lemma[k] ?? '')) return true;
  }
  return false;
}

/** The intention code that stands for a not-yet-done action of the given code ("will meet" -> 036). */
export function intentCodeFor(code: string): string {
  const exact: Record<string, string> = {
    '057': '032',
    '071': '0331',
    '072': '0332',
    '073': '0333',
    '074': '0334',
    '081': '0351',
    '0841': '0353',
    '084': '0353',
    '085': '0354',
    '086': '0355',
    '087': '0356',
    '0871': '0356',
    '161': '1313',
    '162': '1311',
    '163': '1312',
    '164': '134',
    '165': '135',
    '166': '136',
    '191': '1381',
    '192': '1382',
    '204': '1385',
  };
  if (exact[code]) return exact[code];
  const byRoot: Record<string, string> = {
    '04': '036',
    '05': '032',
    '06': '031',
    '07': '033',
    '08': '035',
    '15': '138',
    '16': '131',
    '17': '137',
    '18': '1383',
    '19': '1384',
    '20': '1385',
  };
  return byRoot[code.slice(0, 2)] ?? code;
}
