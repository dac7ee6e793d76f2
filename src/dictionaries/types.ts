/** The compiled dictionary: what the build step produces and the coder consumes. Plain JSON. */
import type { Sector } from '../coder/types.js';
import type { WordClass } from './lexicon.js';

export type NameKind = 'country' | 'demonym' | 'capital' | 'metonym' | 'org' | 'person' | 'surname';

/** One reading of a name: a surface form may denote several entities (e.g. a surname). */
export interface NameHit {
  kind: NameKind;
  /** Index into `actors` (countries, organisations, blocs) or into `persons`. */
  ref: number;
  /** Sector implied by the name itself (metonyms such as "the Pentagon"). */
  sector?: Sector;
  /** Surface tokens that must be capitalised/upper-case as written (see compile). */
  caseMask: string;
}

export interface ActorEntry {
  key: string;
  code: string;
  name: string;
  kind: 'country' | 'igo' | 'bloc' | 'group' | 'ngo';
  country: string | null;
  sector: Sector | null;
  region?: string;
  lat?: number;
  lon?: number;
  /** The state a group governs, and since when: it is coded as that state's government then. */
  governs?: { country: string; from: string; to: string | null };
  /** When an organisation first existed; its names mean something else in older articles. */
  founded?: string;
}

export interface RoleTenure {
  country: string | null;
  org: string | null;
  sector: Sector;
  title: string;
  from: string;
  to: string | null;
}

export interface PersonEntry {
  name: string;
  roles: RoleTenure[];
}

export interface VerbRule {
  id: string;
  code: string;
  /** Lemma of the verb; phrasal particle, if any, in `particle`. */
  lemma: string;
  particle: string | null;
  after: string[][];
  notAfter: string[][];
  intent: string | null;
  /** A converse verb's preposition: "received arms from the US" is the US's act towards the subject. */
  sourceAfter: string | null;
  /** More specific rules first: rules with `after` outrank bare ones. */
  specificity: number;
}

export interface NounRule {
  id: string;
  code: string;
  lemma: string;
  links: string[];
  after: string[][];
  intent: string | null;
}

export interface CameoEntry {
  name: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  plover: { type: string; mode: string | null } | null;
}

export interface PlaceEntry {
  name: string;
  country: string | null;
  /** Null for a region of the data package, which has no coordinates: the place is named, its
   * state known, but no point is claimed for it. Towns and curated regions always have both. */
  lat: number | null;
  lon: number | null;
  population: number;
}

export interface CompiledDictionary {
  version: string;
  actors: ActorEntry[];
  /** Actor key -> index in `actors`. */
  actorIndex: Record<string, number>;
  persons: PersonEntry[];
  /** Surface form (lower-case tokens joined by single spaces) -> readings. */
  names: Record<string, NameHit[]>;
  /** Role phrase (lower-case tokens joined by spaces) -> sector. */
  roles: Record<string, Sector>;
  verbs: VerbRule[];
  nouns: NounRule[];
  cameo: Record<string, CameoEntry>;
  /** Place name (lower-case) -> the most populous place of that name. */
  places: Record<string, PlaceEntry>;
  /** A region's name without its administrative word (lower-case) -> the region, for a name that is
   * followed by one of `regionWords`: "the Kursk region", "Sindh province", "Lagos State". */
  regionStems: Record<string, PlaceEntry>;
  /** The administrative words themselves (lower-case): region, province, oblast... */
  regionWords: string[];
  /** Organisation key -> member state keys (blocs, alliances). */
  members: Record<string, string[]>;
  /** Word class of dictionaries/lexicon.yaml -> its words (lemmas or lower-case forms). */
  lexicon: Record<WordClass, string[]>;
}
