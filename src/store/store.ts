/**
 * What Parley keeps: coded articles, their events, statements and actors. One interface for every
 * backend (SQLite now, PostgreSQL later); callers never see SQL.
 */
import type { ActorSummary, Article, CodedArticle, CodedEvent, CodedStatement } from '../coder/types.js';

export interface ArticleToSave {
  article: Article;
  coded: CodedArticle;
  contentHash: string;
  /** Where it was read from (file:line), kept for provenance. */
  origin: string | null;
  /** Display names of the actor keys the article mentions ("RUS" -> "Russia"). */
  actorNames: Record<string, string>;
  /** ISO 8601 time of ingest; defaults to now. */
  ingestedAt?: string;
}

/**
 * What a save did. `unchanged`: same id, same content, same coder. `duplicate`: the same content
 * is already stored under another id. `updated`: the id's content changed. `recoded`: same content
 * coded by another coder version.
 */
export type SaveOutcome =
  { status: 'new' | 'updated' | 'recoded' | 'unchanged' } | { status: 'duplicate'; of: string };

export interface ArticleState {
  id: string;
  contentHash: string;
  coderVersion: string;
}

export interface StoredArticle {
  id: string;
  published: string;
  title: string | null;
  url: string | null;
  text: string;
  contentHash: string;
  coderVersion: string;
  origin: string | null;
  tone: number;
  sentences: number;
  dateline: CodedArticle['dateline'];
  warnings: string[];
  eventCount: number;
  statementCount: number;
  ingestedAt: string;
}

export interface StoredEvent extends CodedEvent {
  articleId: string;
  /** The article's publication date and URL, for listings and exports. */
  published: string;
  url: string | null;
  sentenceText: string;
  /** In the article's lead paragraph. */
  lead: boolean;
}

export interface StoredStatement extends CodedStatement {
  articleId: string;
}

/** A user's actor reference, resolved: one or more keys, or a name to match in actor names. */
export type ActorMatch = { keys: string[] } | { name: string };

export interface EventFilter {
  actor?: ActorMatch;
  /** Events between the two, both directions unless `directed`. */
  dyad?: [keys: string[], keys: string[]];
  directed?: boolean;
  /** CAMEO codes; a code matches itself and its sub-codes (04 -> 040…049, 0411…). */
  codes?: string[];
  roots?: string[];
  quads?: number[];
  /** Inclusive YYYY-MM-DD bounds on the event date. */
  from?: string;
  to?: string;
  /** Place name or country key. */
  place?: string;
  /** Words in the evidence sentence. */
  text?: string;
  articleId?: string;
  /** Negated events ("did not attack") are kept unless this is false. */
  includeNegated?: boolean;
  /** Keyset paging: only events at or after this date and article, in (date, article) order. */
  startAt?: { date: string; articleId: string };
}

export interface DyadDay {
  date: string;
  quad: number;
  /** ab: first actor is the source; ba: the second is. */
  direction: 'ab' | 'ba';
  count: number;
  goldsteinSum: number;
}

/** Non-negated events of a period from one actor to another (target null: none) in one quad class. */
export interface DyadTotal {
  source: string;
  target: string | null;
  quad: number;
  count: number;
  goldsteinSum: number;
}

export interface ActorActivity {
  key: string;
  name: string;
  asSource: number;
  asTarget: number;
  events: number;
  articles: number;
  mentions: number;
}

export interface StatementFilter {
  speaker?: ActorMatch;
  about?: ActorMatch;
  from?: string;
  to?: string;
  text?: string;
}

export interface StoreCounts {
  articles: number;
  events: number;
  statements: number;
}

export interface ArticleView {
  article: StoredArticle;
  events: StoredEvent[];
  statements: StoredStatement[];
  actors: ActorSummary[];
}

export interface DateRange {
  from?: string;
  to?: string;
}

export interface Store {
  /** A path or URL naming the database, for messages. */
  readonly location: string;

  articleState(id: string): Promise<ArticleState | null>;
  /** Id of an article already stored with this content, if any. */
  articleWithContent(contentHash: string): Promise<string | null>;
  /** Stores one coded article in one transaction, or decides it needs nothing. */
  save(input: ArticleToSave): Promise<SaveOutcome>;
  /**
   * Stores several coded articles, in order, in one transaction: all are committed or none. Same
   * outcomes as saving them one by one.
   */
  saveBatch(inputs: ArticleToSave[]): Promise<SaveOutcome[]>;
  /** Articles coded by another coder version, in id order after `afterId`. */
  articlesCodedOtherwise(
    coderVersion: string,
    afterId: string | null,
    limit: number,
  ): Promise<StoredArticle[]>;
  countCodedOtherwise(coderVersion: string): Promise<number>;
  counts(): Promise<StoreCounts>;

  resolveActor(reference: string): Promise<ActorMatch>;
  events(filter: EventFilter, limit?: number): Promise<StoredEvent[]>;
  /** Every matching event, fetched page by page (for exports of any size). */
  eachEvent(filter: EventFilter): AsyncIterable<StoredEvent>;
  /** Every article with its events and statements, in id order. */
  eachArticle(range?: DateRange): AsyncIterable<ArticleView>;
  /** Per day, quad class and direction: events between two actors (negated ones excluded). */
  dyadDays(a: string[], b: string[], options?: DateRange & { directed?: boolean }): Promise<DyadDay[]>;
  actorActivity(options?: DateRange & { limit?: number }): Promise<ActorActivity[]>;
  /** Per source, target and quad class: events of a period between actors (the network). */
  dyadTotals(range?: DateRange): Promise<DyadTotal[]>;
  statements(filter: StatementFilter, limit?: number): Promise<StoredStatement[]>;
  article(id: string): Promise<ArticleView | null>;
  /** Brings the query planner's statistics up to date after many writes (cheap when nothing changed). */
  optimize(): Promise<void>;
  close(): Promise<void>;
}
