/**
 * The tables as Kysely sees them. Column types are the portable subset shared by SQLite and
 * PostgreSQL: text, integer (booleans as 0/1), double precision; spans are start/end pairs.
 */
export interface ArticlesTable {
  id: string;
  /** sha256 of the published date and text: what the article's coding depends on. */
  content_hash: string;
  coder_version: string;
  published: string;
  title: string | null;
  url: string | null;
  text: string;
  /** Where it was read from (file and line), for messages and provenance. */
  origin: string | null;
  tone: number;
  sentences: number;
  /** JSON of the dateline ({ place, source }) or null. */
  dateline: string | null;
  /** JSON array of the coder's warnings. */
  warnings: string;
  /** Kept with the article so a reader can check that all its events were committed with it. */
  event_count: number;
  statement_count: number;
  /** ISO 8601 UTC. */
  ingested_at: string;
}

/** One actor as columns under a prefix (source_, target_, speaker_): the three sets stay identical. */
type Actor<P extends string> = { [K in `${P}${'text' | 'name' | 'key' | 'code'}`]: string } & {
  [K in `${P}${'country' | 'org' | 'sector' | 'person'}`]: string | null;
} & { [K in `${P}${'start' | 'end'}`]: number };
type NullableActor<P extends string> = { [K in keyof Actor<P>]: Actor<P>[K] | null };

export type EventsTable = {
  article_id: string;
  id: string;
  /** Position in the article's event list, to give events back in the coder's order. */
  seq: number;
  sentence: number;
  sentence_start: number;
  sentence_end: number;
  /** The evidence sentence, kept so that searches and exports need not cut article text. */
  sentence_text: string;
  /** 1 when the event is in the article's lead (GDELT's IsRootEvent). */
  lead: number;
  date: string;
  date_precision: string;
  date_from_published: number;
  action_text: string;
  action_lemma: string;
  action_start: number;
  action_end: number;
  cameo: string;
  root: string;
  quad: number;
  goldstein: number;
  plover_type: string | null;
  plover_mode: string | null;
  negated: number;
  modality: string;
  place_name: string | null;
  place_country: string | null;
  place_lat: number | null;
  place_lon: number | null;
  place_start: number | null;
  place_end: number | null;
  tone: number;
  confidence: number;
  rule: string;
  statement_id: string | null;
} & Actor<'source_'> &
  NullableActor<'target_'>;

export type StatementsTable = {
  article_id: string;
  id: string;
  seq: number;
  sentence: number;
  kind: string;
  tone: number;
  cue_text: string;
  cue_start: number;
  cue_end: number;
  content_text: string;
  content_start: number;
  content_end: number;
  /** JSON array of the ids of the events the statement itself constitutes. */
  event_ids: string;
} & NullableActor<'speaker_'>;

export interface StatementAboutTable {
  article_id: string;
  statement_id: string;
  key: string;
  name: string;
}

/** The coder's per-article actor summary: who is mentioned, how often. */
export interface ActorMentionsTable {
  article_id: string;
  key: string;
  code: string;
  name: string;
  mentions: number;
}

/** One row per actor key with its display name ("RUS" -> "Russia"). */
export interface ActorsTable {
  key: string;
  name: string;
}

/**
 * Rollup: non-negated events per event day, source key, target key and quad class, kept exact by
 * every save (old coding subtracted, new added) so that dyad series and the network read a few
 * rows per day instead of scanning events. A row whose count falls to 0 is deleted.
 */
export interface DyadDaysTable {
  day: string;
  source_key: string;
  /** '' for events without a target: a key column cannot be null in a primary key. */
  target_key: string;
  quad: number;
  events: number;
  goldstein_sum: number;
}

/**
 * Rollup: per day and actor key, non-negated events as source and as target (by event date), and
 * articles mentioning the actor with their mention counts (by publication date), for the actor
 * list. Kept exact like `dyad_days`; a row whose four counts are all 0 is deleted.
 */
export interface ActorDaysTable {
  day: string;
  actor_key: string;
  as_source: number;
  as_target: number;
  articles: number;
  mentions: number;
}

export interface Database {
  articles: ArticlesTable;
  events: EventsTable;
  statements: StatementsTable;
  statement_about: StatementAboutTable;
  actor_mentions: ActorMentionsTable;
  actors: ActorsTable;
  dyad_days: DyadDaysTable;
  actor_days: ActorDaysTable;
}
