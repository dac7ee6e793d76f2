/**
 * The word classes of dictionaries/lexicon.yaml: closed lists of content words (verbs of saying,
 * crowd nouns, travel verbs…) that the coder's rules test by meaning.
 */
import type { z } from 'zod';
import { lexiconSchema } from './schema.js';

export type LexiconWords = z.output<typeof lexiconSchema>;
export type WordClass = keyof LexiconWords;

export const WORD_CLASSES = Object.keys(lexiconSchema.shape) as WordClass[];

/** Every class without words: the lexicon of a dictionary directory that has no lexicon.yaml. */
export const NO_LEXICON = Object.fromEntries(WORD_CLASSES.map((c) => [c, []])) as unknown as LexiconWords;

/** A user's words added to the classes: each word once, the package's words first. */
export function mergeLexicons(base: LexiconWords, extra: LexiconWords): LexiconWords {
  const merged = { ...base };
  for (const c of WORD_CLASSES) merged[c] = [...new Set([...base[c], ...extra[c]])];
  return merged;
}
