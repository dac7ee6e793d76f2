/**
 * The article queue's names and defaults. Jobs carry the article itself, so workers need nothing
 * but the database: no shared disk, no access to the inputs.
 */
import type { Article } from '../../coder/types.js';

export const ARTICLE_QUEUE = 'parley-articles';
/** Where pg-boss moves a job whose tries are used up, with the last failure as its reason. */
export const DEAD_LETTER_QUEUE = 'parley-articles-failed';

export interface ArticleJob {
  article: Article;
  /** Where it was read from (file:line), kept as the stored article's origin. */
  where: string;
  contentHash: string;
}

/** How an enqueued job is retried and when a silent worker is presumed dead. */
export interface JobPolicy {
  /** Tries after the first; a job that fails them all is dead-lettered. */
  retries: number;
  /** A worker that has not reported on a job for this long is presumed dead: the job goes back. */
  heartbeatSeconds: number;
  /** The longest one try may take, heartbeat or not. */
  expireSeconds: number;
}

export const DEFAULT_POLICY: JobPolicy = { retries: 3, heartbeatSeconds: 30, expireSeconds: 900 };

/** pg-boss checks heartbeats no more often than this; also how often a worker looks for dead ones. */
export const DEFAULT_CHECK_SECONDS = 15;
