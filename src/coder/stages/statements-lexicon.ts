/**
 * The closed grammar of attribution: the pronouns, prepositions and setting words that stand
 * around a cue, and the CAMEO roots that are speech acts. The cue words themselves (verbs of
 * saying, stance and evidence, documents) are content: they are in dictionaries/lexicon.yaml and
 * reach the stages as `doc.lexicon`.
 */

/**
 * CAMEO roots whose events are speech acts: when the speaker of a statement is the source of such
 * an event inside its own words, the statement is that event (a demand, a threat, an accusation).
 */
export const SPEECH_ACT_ROOTS = new Set(['01', '02', '03', '05', '10', '11', '12', '13', '14']);

/** Personal pronouns that can be speakers on their own. */
export const SPEAKER_PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'who',
  'which',
  'that',
]);

/** Time and setting words that may sit between a speaker and the cue or after it. */
export const SETTING_WORDS = new Set([
  'on',
  'in',
  'at',
  'during',
  'last',
  'this',
  'earlier',
  'later',
  'late',
  'early',
  'again',
  'also',
  'too',
  'recently',
  'yesterday',
  'today',
  'tonight',
  'previously',
  'repeatedly',
  'once',
  'then',
  'now',
  'publicly',
  'privately',
  'separately',
  'afterwards',
  'afterward',
  'before',
  'after',
  'ago',
  'over',
  'via',
  'through',
  'from',
  'to',
  'with',
]);

/** Prepositions that cannot open the content of a cue. */
export const ADP_STOP = new Set([
  'to',
  'in',
  'at',
  'on',
  'during',
  'after',
  'before',
  'from',
  'by',
  'with',
  'over',
  'into',
  'through',
]);
