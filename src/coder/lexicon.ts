/** The dictionary's word classes as sets: built once per coder, shared by every article it codes. */
import type { WordClass } from '../dictionaries/lexicon.js';
import type { CompiledDictionary } from '../dictionaries/types.js';

export type Lexicon = { readonly [C in WordClass]: ReadonlySet<string> };

export function lexiconSets(words: CompiledDictionary['lexicon']): Lexicon {
  const sets = {} as Record<WordClass, ReadonlySet<string>>;
  for (const c of Object.keys(words) as WordClass[]) sets[c] = new Set(words[c]);
  return sets;
}
