/**
 * A queue worker: takes article jobs from pg-boss, codes them on a pool of threads, stores them,
 * and settles each job on its own (one bad article does not send its batch-mates back).
 *
 * Nothing is lost when a worker dies: a job is only completed after its article is stored, and a
 * job whose worker stops sending heartbeats goes back to the queue for another worker.
 */
import type { Job, JobResult, PgBoss } from 'pg-boss';
import type { Store } from '../../store/store.js';
import type { CoderPool } from '../coder-pool.js';
import { processArticleJob, type JobOutcome } from './process-job.js';
import { ARTICLE_QUEUE, type ArticleJob } from './settings.js';

export interface WorkerOptions {
  /** Jobs taken at once per polling loop; there is one loop per coding thread. */
  batch?: number;
  onOutcome?: (job: ArticleJob, outcome: JobOutcome) => void;
}

export interface RunningWorker {
  /** Takes no new jobs, lets the ones in hand finish (or go back to the queue after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

function toResult(id: string, outcome: JobOutcome): JobResult {
  switch (outcome.status) {
    case 'stored':
      return { id, status: 'completed', output: { status: outcome.outcome.status, events: outcome.events } };
    case 'skipped':
      return { id, status: 'completed', output: { status: 'skipped', reason: outcome.reason } };
    case 'failed':
      return { id, status: 'failed', output: { reason: outcome.reason } };
    case 'rejected':
      return { id, status: 'deadletter', output: { reason: outcome.reason } };
  }
}

export async function startWorker(
  boss: PgBoss,
  pool: CoderPool,
  store: Store,
  options: WorkerOptions = {},
): Promise<RunningWorker> {
  const handle = async (jobs: Job<ArticleJob>[]): Promise<JobResult[]> =>
    Promise.all(
      jobs.map(async (job) => {
        const outcome = await processArticleJob(job.data, pool, store);
        options.onOutcome?.(job.data, outcome);
        return toResult(job.id, outcome);
      }),
    );
  await boss.work<ArticleJob>(
    ARTICLE_QUEUE,
    {
      localConcurrency: pool.size,
      // At least two, so that a full batch means "more waiting" and the loop fetches again at once.
      batchSize: Math.max(2, options.batch ?? 4),
      burstWhenBatchFull: true,
      pollingIntervalSeconds: 1,
      perJobResults: true,
    },
    handle,
  );
  return {
    stop: async (timeoutMs = 60_000) => {
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}
