/**
 * `enqueue`: read articles and put each one the store does not already have on the queue, in
 * input order. Content repeated within a run is queued once, its first occurrence, as `ingest`
 * keeps the first one read; content already stored is not queued at all.
 */
import type { PgBoss } from 'pg-boss';
import { contentHash } from '../../store/content-hash.js';
import type { Store } from '../../store/store.js';
import type { ReadItem } from '../read-articles.js';
import { ARTICLE_QUEUE, DEFAULT_POLICY, type ArticleJob, type JobPolicy } from './settings.js';
import { unstorableInPostgres } from './storable-text.js';

export interface EnqueueSummary {
  queued: number;
  /** Same id and content as a stored article. */
  unchanged: number;
  /** Skipped inputs by reason (duplicate content, malformed…). */
  skipped: Record<string, number>;
  seconds: number;
  interrupted: boolean;
}

export interface EnqueueOptions {
  policy?: JobPolicy;
  /** Jobs per INSERT. */
  batch?: number;
  signal?: AbortSignal;
  onProblem?: (where: string, message: string) => void;
  onProgress?: (summary: EnqueueSummary) => void;
}

export async function enqueue(
  boss: PgBoss,
  store: Store,
  items: AsyncIterable<ReadItem>,
  options: EnqueueOptions = {},
): Promise<EnqueueSummary> {
  const started = performance.now();
  const policy = options.policy ?? DEFAULT_POLICY;
  const batchSize = options.batch ?? 500;
  const summary: EnqueueSummary = { queued: 0, unchanged: 0, skipped: {}, seconds: 0, interrupted: false };
  const skip = (where: string, reason: string, message: string) => {
    summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
    options.onProblem?.(where, message);
  };
  // First occurrence of each content in this run; about 100 bytes an article.
  const queuedContent = new Map<string, string>();
  let batch: ArticleJob[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await boss.insert(
      ARTICLE_QUEUE,
      batch.map((data) => ({
        data,
        retryLimit: policy.retries,
        retryDelay: 1,
        retryBackoff: true,
        heartbeatSeconds: policy.heartbeatSeconds,
        expireInSeconds: policy.expireSeconds,
        // A done job still holds its article's text: keep it a day for `queue status`, not a week.
        deleteAfterSeconds: 24 * 3600,
      })),
    );
    summary.queued += batch.length;
    batch = [];
    options.onProgress?.(summary);
  };

  for await (const item of items) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    if ('problem' in item) {
      skip(item.problem.where, item.problem.reason ?? 'invalid', item.problem.message);
      continue;
    }
    const { article, where } = item;
    const unstorable = unstorableInPostgres(article);
    if (unstorable) {
      skip(where, 'invalid', unstorable);
      continue;
    }
    const hash = contentHash(article);
    const earlier = queuedContent.get(hash);
    if (earlier === article.id) {
      summary.unchanged++;
      continue;
    }
    if (earlier !== undefined) {
      skip(where, 'duplicate content', `same content as article ${earlier}: skipped`);
      continue;
    }
    const state = await store.articleState(article.id);
    if (state?.contentHash === hash) {
      summary.unchanged++;
      continue;
    }
    const twin = await store.articleWithContent(hash);
    if (twin !== null && twin !== article.id) {
      skip(where, 'duplicate content', `same content as article ${twin}: skipped`);
      continue;
    }
    queuedContent.set(hash, article.id);
    batch.push({ article, where, contentHash: hash });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
