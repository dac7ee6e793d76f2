/** `parley enqueue PATH…`: put articles on the PostgreSQL job queue for `parley worker`s to code. */
import { Command, Option } from 'commander';
import { readArticles } from '../../ingest/read-articles.js';
import { enqueue, type EnqueueSummary } from '../../ingest/queue/enqueue.js';
import { DEFAULT_POLICY } from '../../ingest/queue/settings.js';
import { EXIT } from '../exit-codes.js';
import { withQueue } from '../run-queue-command.js';
import { dbOption, isoDate, positiveInt } from '../store-options.js';
import { stopOnInterrupt } from './ingest.js';

interface EnqueueCliOptions {
  db?: string;
  date?: string;
  retries: number;
  heartbeat: number;
  expire: number;
  json?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');

function formatEnqueueSummary(s: EnqueueSummary): string {
  const skipped = Object.entries(s.skipped)
    .map(([reason, count]) => `${n(count)} ${reason}`)
    .join(', ');
  return [
    `enqueue ${s.interrupted ? 'interrupted' : 'done'} in ${s.seconds.toFixed(1)} s`,
    `  queued     ${n(s.queued)}`,
    `  unchanged  ${n(s.unchanged)} (already stored)`,
    `  skipped    ${skipped || '0'}`,
  ].join('\n');
}

export function enqueueCommand(): Command {
  return new Command('enqueue')
    .description(
      'put articles on the job queue in PostgreSQL for `parley worker` processes to code and store ' +
        '(same inputs as `parley ingest`); articles already stored are not queued',
    )
    .argument('<paths...>', 'files or directories to queue')
    .addOption(dbOption())
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that carry none', isoDate)
    .addOption(
      new Option('--retries <n>', 'tries after the first before a job is dead-lettered')
        .argParser(positiveInt)
        .default(DEFAULT_POLICY.retries),
    )
    .addOption(
      new Option(
        '--heartbeat <seconds>',
        'a worker silent this long is presumed dead and its jobs retried (≥ 10)',
      )
        .argParser(positiveInt)
        .default(DEFAULT_POLICY.heartbeatSeconds),
    )
    .addOption(
      new Option('--expire <seconds>', 'the longest one try of a job may take')
        .argParser(positiveInt)
        .default(DEFAULT_POLICY.expireSeconds),
    )
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], o: EnqueueCliOptions) => {
      if (o.heartbeat < 10) {
        process.stderr.write(
          'parley enqueue: --heartbeat must be at least 10 seconds (pg-boss checks no finer)\n',
        );
        process.exitCode = EXIT.usage;
        return;
      }
      process.exitCode = await withQueue(o.db, {}, async (boss, store) => {
        const summary = await enqueue(boss, store, readArticles(paths, o.date ? { date: o.date } : {}), {
          policy: { retries: o.retries, heartbeatSeconds: o.heartbeat, expireSeconds: o.expire },
          signal: stopOnInterrupt().signal,
          onProblem: (where, message) => process.stderr.write(`parley: ${where}: ${message}\n`),
        });
        process.stdout.write(o.json ? `${JSON.stringify(summary)}\n` : `${formatEnqueueSummary(summary)}\n`);
        const badInput = Object.entries(summary.skipped)
          .filter(([reason]) => reason !== 'duplicate content')
          .reduce((a, [, c]) => a + c, 0);
        if (summary.interrupted) return 130;
        if (badInput === 0) return EXIT.ok;
        return summary.queued + summary.unchanged > 0 ? EXIT.partial : EXIT.failed;
      });
    });
}
