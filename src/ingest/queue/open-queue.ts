/**
 * The job queue: pg-boss in the store's own PostgreSQL database (its tables live in the `pgboss`
 * schema), so one URL names everything a worker needs.
 */
import { PgBoss } from 'pg-boss';
import { describeConnectionError, isPostgresUrl } from '../../store/postgres-url.js';
import { ARTICLE_QUEUE, DEAD_LETTER_QUEUE, DEFAULT_CHECK_SECONDS } from './settings.js';

export interface OpenQueueOptions {
  /** How often this process looks for jobs whose worker went silent (seconds). */
  checkSeconds?: number;
  /** Connections pg-boss may hold. */
  maxConnections?: number;
}

export class QueueUsageError extends Error {}

export async function openQueue(url: string, options: OpenQueueOptions = {}): Promise<PgBoss> {
  if (!isPostgresUrl(url)) {
    throw new QueueUsageError(
      `the job queue needs a PostgreSQL database: pass --db postgres://… or set PARLEY_DB (got "${url}")`,
    );
  }
  const checkSeconds = options.checkSeconds ?? DEFAULT_CHECK_SECONDS;
  const boss = new PgBoss({
    connectionString: url,
    max: options.maxConnections ?? 4,
    superviseIntervalSeconds: checkSeconds,
    monitorIntervalSeconds: checkSeconds,
  });
  // pg-boss reports background failures (a lost connection while polling) as events; it retries
  // them itself, so they are worth a line on stderr, not a crash.
  boss.on('error', (e: Error) => process.stderr.write(`parley: queue: ${e.message}\n`));
  try {
    await boss.start();
    await boss.createQueue(DEAD_LETTER_QUEUE);
    // A table of its own: a backfill's millions of jobs do not slow pg-boss's other queues.
    await boss.createQueue(ARTICLE_QUEUE, { deadLetter: DEAD_LETTER_QUEUE, partition: true });
  } catch (e) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new Error(describeConnectionError(e), { cause: e });
  }
  return boss;
}
