/**
 * The setting of an utterance, which is neither speaker nor words: "said on Tuesday", "said in a
 * statement", "told reporters last week", "said in an interview published on Thursday".
 */
import type { Doc } from '../doc.js';
import { SETTING_WORDS } from './statements-lexicon.js';
import { isTimeNoun, SETTING_PREPOSITIONS } from './statements-speaker.js';

/** Skips adverbs and setting phrases ("on Tuesday", "in a statement", "last week") from `k`. */
export function skipSetting(doc: Doc, k: number, to: number): number {
  const { tokens } = doc;
  let guard = 0;
  while (k < to && guard++ < 12) {
    const w = tokens.lower[k] ?? '';
    const pos = tokens.pos[k] ?? '';
    if (pos === 'ADV' && w !== 'not' && !SETTING_WORDS.has(w) && w !== 'so') {
      k++;
      continue;
    }
    if (SETTING_WORDS.has(w) && (pos === 'ADV' || pos === 'ADJ')) {
      k++;
      continue;
    }
    if (SETTING_PREPOSITIONS.has(w) || w === 'last' || w === 'this' || w === 'earlier' || w === 'late') {
      // A short noun phrase that is a time or setting: "on Tuesday", "in a statement", "last week".
      let j = k + 1;
      while (
        j < to &&
        j - k < 6 &&
        /^(DET|ADJ|NUM|PROPN|NOUN)$/.test(tokens.pos[j] ?? '') &&
        tokens.value[j] !== ','
      )
        j++;
      const headIsSetting = j > k + 1 && (isTimeNoun(doc, j - 1) || tokens.pos[j - 1] === 'PROPN');
      if ((w === 'last' || w === 'this') && j > k + 1 && isTimeNoun(doc, j - 1)) {
        k = j;
        continue;
      }
      if (headIsSetting) {
        // "in an interview with CNN", "at a rally in Ohio".
        if (
          (tokens.lower[j] === 'with' || tokens.lower[j] === 'in' || tokens.lower[j] === 'on') &&
          j + 1 < to
        ) {
          let m = j + 1;
          while (m < to && m - j < 6 && /^(DET|ADJ|NUM|PROPN|NOUN|PART)$/.test(tokens.pos[m] ?? '')) m++;
          if (m > j + 1) j = m;
        }
        k = j;
        continue;
      }
    }
    // "said in an interview published on Thursday": the interview's own participle.
    if (
      /^(published|released|broadcast|aired|posted|conducted|held|given|recorded|televised)$/.test(w) &&
      isTimeNoun(doc, k - 1)
    ) {
      k++;
      continue;
    }
    // "said Wednesday", "said Tuesday night".
    if (
      isTimeNoun(doc, k) &&
      (pos === 'PROPN' || pos === 'NOUN') &&
      /day|night|morning|evening|afternoon|week|month|year/.test(w)
    ) {
      k++;
      continue;
    }
    if (
      (w === 'earlier' || w === 'later' || w === 'today' || w === 'yesterday' || w === 'tonight') &&
      pos !== 'VERB'
    ) {
      k++;
      continue;
    }
    break;
  }
  return k;
}
