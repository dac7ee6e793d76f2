/** The document every stage reads and extends. Token data is columnar: one array per attribute. */
import type { Lexicon } from './lexicon.js';
import type { Article, CodedEvent, CodedPlace, CodedStatement, Sector, Span } from './types.js';

export interface Tokens {
  count: number;
  value: string[];
  lower: string[];
  lemma: string[];
  pos: string[];
  start: Int32Array;
  end: Int32Array;
  negated: Uint8Array;
  /** Index of the sentence each token belongs to. */
  sentence: Int32Array;
}

export interface Sentence {
  /** First token and one past the last token. */
  from: number;
  to: number;
  span: Span;
  sentiment: number;
  /** Block (line or paragraph) the sentence came from; blocks never share sentences. */
  block: number;
}

/** A stretch of tokens that names an actor: "Russian Foreign Minister Sergey Lavrov", "the US". */
export interface ActorPhrase {
  from: number;
  to: number;
  sentence: number;
  /** The resolved actors: usually one; "Hungarian and Romanian officials" gives two. */
  actors: ResolvedActor[];
  /** The phrase is a pronoun or bare role resolved through earlier mentions. */
  viaCoreference: boolean;
  /** The names only qualify a following noun ("the OSCE platform", "Russian oil", "US sanctions"):
   * a possible source of a nominal event, never a subject or object. */
  modifier: boolean;
  /** Index of the phrase this one stands in apposition to ("Lavrov, Russia's foreign minister,"). */
  appositionOf: number | null;
  /** The phrase stands in as the place of the event, not as a party to it ("lifted the curfew in Khartoum"). */
  asPlace?: boolean;
}

export interface ResolvedActor {
  key: string;
  code: string;
  name: string;
  country: string | null;
  org: string | null;
  sector: Sector | null;
  person: string | null;
  /** Index of the person in the dictionary, for coreference. */
  personRef: number | null;
  span: Span;
  text: string;
}

export interface Doc {
  article: Article;
  text: string;
  tokens: Tokens;
  sentences: Sentence[];
  /** Tokens that are no part of the sentence (datelines, subheadings): neither actors nor triggers. */
  masked: Uint8Array;
  phrases: ActorPhrase[];
  /** Phrase index per token, -1 where none. */
  phraseAt: Int32Array;
  dateline: { place: CodedPlace | null; source: string | null; span: Span } | null;
  events: CodedEvent[];
  statements: CodedStatement[];
  warnings: string[];
  /** The dictionary's word classes (dictionaries/lexicon.yaml): the coder's own sets, not a copy. */
  readonly lexicon: Lexicon;
}
