/**
 * One article job: code it, store it, say how it went. Storing is idempotent by content hash, so
 * a job run twice (its worker died after storing, before telling the queue) stores nothing twice.
 */
import type { SaveOutcome, Store } from '../../store/store.js';
import { articleInputSchema, describeIssues } from '../article-schema.js';
import type { CoderPool } from '../coder-pool.js';
import type { ArticleJob } from './settings.js';

export type JobOutcome =
  | { status: 'stored'; outcome: SaveOutcome; events: number; statements: number }
  | { status: 'skipped'; reason: string }
  /** Worth another try (the coder crashed, a constraint failed): retried, then dead-lettered. */
  | { status: 'failed'; reason: string }
  /** Will never work (the job's data is not an article): dead-lettered at once. */
  | { status: 'rejected'; reason: string };

/** The store itself is unreachable: every job would fail, so the whole batch goes back. */
export class StoreUnavailableError extends Error {}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return (
    CONNECTION_ERRORS.has(code) ||
    /Connection terminated|connection timeout/i.test((e as Error).message ?? '')
  );
}

export async function processArticleJob(
  data: ArticleJob,
  pool: CoderPool,
  store: Store,
): Promise<JobOutcome> {
  const parsed = articleInputSchema.safeParse(data?.article);
  if (!parsed.success || typeof data.contentHash !== 'string') {
    return {
      status: 'rejected',
      reason: parsed.success ? 'job has no contentHash' : describeIssues(parsed.error),
    };
  }
  const article = { ...data.article, id: parsed.data.id };
  let coded;
  try {
    coded = await pool.code(article);
  } catch (e) {
    return { status: 'failed', reason: `coding failed: ${(e as Error).message}` };
  }
  // As `ingest` does: an article the coder could not read at all (not English…) is not stored.
  if (coded.coded.sentences === 0 && coded.coded.warnings.length) {
    return { status: 'skipped', reason: coded.coded.warnings.join('; ') };
  }
  try {
    const outcome = await store.save({
      article,
      coded: coded.coded,
      contentHash: data.contentHash,
      origin: data.where ?? null,
      actorNames: coded.actorNames,
    });
    return {
      status: 'stored',
      outcome,
      events: coded.coded.events.length,
      statements: coded.coded.statements.length,
    };
  } catch (e) {
    if (isConnectionError(e)) throw new StoreUnavailableError((e as Error).message, { cause: e });
    return { status: 'failed', reason: `could not be stored: ${(e as Error).message}` };
  }
}
