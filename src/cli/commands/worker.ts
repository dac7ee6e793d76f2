/**
 * `parley worker`: take article jobs from the PostgreSQL queue, code them, store them; until
 * SIGTERM/SIGINT (or, with --until-empty, until nothing is left to do). Run any number of them,
 * on any number of machines, against the same database.
 */
import { Command, Option } from 'commander';
import { createCoderPool, defaultWorkers } from '../../ingest/coder-pool.js';
import type { JobOutcome } from '../../ingest/queue/process-job.js';
import { DEFAULT_CHECK_SECONDS } from '../../ingest/queue/settings.js';
import { queueStatus } from '../../ingest/queue/status.js';
import { startWorker } from '../../ingest/queue/worker.js';
import { EXIT } from '../exit-codes.js';
import { withQueue } from '../run-queue-command.js';
import { dbOption, list, positiveInt } from '../store-options.js';

interface WorkerCliOptions {
  db?: string;
  concurrency?: number;
  batch: number;
  dict: string[];
  checkEvery: number;
  untilEmpty?: boolean;
  json?: boolean;
}

type Tally = Record<string, number>;

function tally(counts: Tally, outcome: JobOutcome): void {
  const key = outcome.status === 'stored' ? outcome.outcome.status : outcome.status;
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Resolves on the first SIGTERM or SIGINT; a second one ends the process at once. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.stderr.write(`parley worker: ${signal}: finishing the jobs in hand (again to stop now)\n`);
      for (const s of ['SIGTERM', 'SIGINT'] as const) {
        process.removeListener(s, first);
        process.once(s, () => process.exit(130));
      }
      resolve(signal);
    };
    process.on('SIGTERM', first);
    process.on('SIGINT', first);
  });
}

export function workerCommand(): Command {
  return new Command('worker')
    .description(
      'code and store articles from the job queue in PostgreSQL (see `parley enqueue`); runs until SIGTERM/SIGINT',
    )
    .addOption(dbOption())
    .addOption(
      new Option(
        '--concurrency <n>',
        `coding threads, each taking jobs (default: all ${defaultWorkers()} cores)`,
      ).argParser(positiveInt),
    )
    .addOption(
      new Option('--batch <n>', 'jobs taken at once per thread (≥ 2)').argParser(positiveInt).default(4),
    )
    .option('--dict <path>', 'extra dictionary file or directory (repeatable)', list, [])
    .addOption(
      new Option(
        '--check-every <seconds>',
        'how often to look for jobs of workers that died, and for an empty queue',
      )
        .argParser(positiveInt)
        .default(DEFAULT_CHECK_SECONDS),
    )
    .option('--until-empty', 'stop once no job is waiting or in progress anywhere (for batch backfills)')
    .option('--json', 'print the final tally as JSON')
    .action(async (o: WorkerCliOptions) => {
      const concurrency = o.concurrency ?? defaultWorkers();
      process.exitCode = await withQueue(o.db, { checkSeconds: o.checkEvery }, async (boss, store) => {
        const pool = createCoderPool({ workers: concurrency, dict: o.dict });
        const counts: Tally = {};
        const started = performance.now();
        try {
          const worker = await startWorker(boss, pool, store, {
            batch: o.batch,
            onOutcome: (job, outcome) => {
              tally(counts, outcome);
              if (outcome.status === 'failed' || outcome.status === 'rejected')
                process.stderr.write(`parley: ${job.where ?? job.article?.id}: ${outcome.reason}\n`);
            },
          });
          process.stderr.write(
            `parley worker: taking jobs with ${concurrency} coding thread(s) from ${store.location}\n`,
          );
          const signal = untilSignal();
          let stopReason: 'signal' | 'empty' = 'signal';
          if (o.untilEmpty) {
            let timer: NodeJS.Timeout | undefined;
            const empty = new Promise<void>((resolve) => {
              const check = async () => {
                try {
                  if ((await queueStatus(boss, { deadLetterLimit: 0 })).pending === 0) return resolve();
                } catch (e) {
                  process.stderr.write(`parley worker: checking the queue: ${(e as Error).message}\n`);
                }
                timer = setTimeout(check, o.checkEvery * 1000);
              };
              timer = setTimeout(check, 1000);
            });
            stopReason = await Promise.race([
              signal.then(() => 'signal' as const),
              empty.then(() => 'empty' as const),
            ]);
            clearTimeout(timer);
          } else {
            await signal;
          }
          await worker.stop();
          const seconds = (performance.now() - started) / 1000;
          const done = Object.values(counts).reduce((a, b) => a + b, 0);
          const summary = {
            ...counts,
            jobs: done,
            seconds,
            articlesPerSecond: done / seconds,
            stopped: stopReason,
          };
          process.stdout.write(
            o.json
              ? `${JSON.stringify(summary)}\n`
              : `worker stopped (${stopReason === 'empty' ? 'queue empty' : 'signal'}) after ${done} jobs in ${seconds.toFixed(1)} s: ` +
                  `${
                    Object.entries(counts)
                      .map(([k, v]) => `${v} ${k}`)
                      .join(', ') || 'none'
                  }\n`,
          );
          return EXIT.ok;
        } finally {
          await pool.close();
        }
      });
    });
}
