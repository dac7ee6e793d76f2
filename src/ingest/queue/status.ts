/**
 * What the queue holds: jobs by state, and the dead-lettered articles with why they failed.
 * pg-boss's own queue counts are a cache refreshed once a monitoring pass; a deployment watching a
 * backfill drain wants the truth now, so states are counted in pg-boss's job table directly.
 */
import type { PgBoss } from 'pg-boss';
import { ARTICLE_QUEUE, DEAD_LETTER_QUEUE, type ArticleJob } from './settings.js';

export interface DeadLetter {
  articleId: string;
  where: string;
  reason: string;
  /** Tries the job had before it was given up. */
  tries: number;
  failedOn: string;
}

export interface QueueStatus {
  /** Jobs by pg-boss state: created, retry, active, completed, failed, cancelled. */
  states: Record<string, number>;
  /** Waiting (created + retry) or being worked on (active). */
  pending: number;
  deadLetters: number;
  firstDeadLetters: DeadLetter[];
}

const SCHEMA = 'pgboss';

async function countByState(boss: PgBoss, name: string): Promise<Record<string, number>> {
  const queue = await boss.getQueue(name);
  if (!queue) return {};
  const { rows } = await boss
    .getDb()
    .executeSql(
      `select state, count(*)::int as n from ${SCHEMA}.${queue.table} where name = $1 group by state`,
      [name],
    );
  return Object.fromEntries((rows as { state: string; n: number }[]).map((r) => [r.state, r.n]));
}

function reasonOf(output: unknown): string {
  const o = output as { reason?: unknown; message?: unknown } | null;
  if (o && typeof o.reason === 'string') return o.reason;
  if (o && typeof o.message === 'string') return o.message;
  return output == null ? 'unknown' : JSON.stringify(output);
}

export async function queueStatus(
  boss: PgBoss,
  options: { deadLetterLimit?: number } = {},
): Promise<QueueStatus> {
  const states = await countByState(boss, ARTICLE_QUEUE);
  const dead = await countByState(boss, DEAD_LETTER_QUEUE);
  const deadLetters = Object.values(dead).reduce((a, b) => a + b, 0);
  const limit = options.deadLetterLimit ?? 20;
  const first =
    limit > 0 && deadLetters > 0
      ? await boss.findJobs<ArticleJob>(DEAD_LETTER_QUEUE, { limit: Math.min(limit, deadLetters) })
      : [];
  return {
    states,
    pending: (states.created ?? 0) + (states.retry ?? 0) + (states.active ?? 0),
    deadLetters,
    firstDeadLetters: first.map((j) => ({
      articleId: String(j.data?.article?.id ?? '?'),
      where: j.data?.where ?? '?',
      reason: reasonOf(j.sourceOutput),
      tries: (j.sourceRetryCount ?? 0) + 1,
      failedOn: j.createdOn instanceof Date ? j.createdOn.toISOString() : String(j.createdOn),
    })),
  };
}
