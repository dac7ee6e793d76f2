/** Country names by ISO alpha-3 key, from the compiled dictionary (the coder's own names). */
import type { CompiledDictionary } from '../../dictionaries/types.js';
import type { CountryNames } from './gdelt-row.js';

export function countryNames(dictionary: Pick<CompiledDictionary, 'actors'>): CountryNames {
  return new Map(dictionary.actors.filter((a) => a.kind === 'country').map((a) => [a.key, a.name]));
}
