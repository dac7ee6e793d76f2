/** `parley queue status`: what the job queue holds, and which articles failed for good and why. */
import { Command, Option } from 'commander';
import { queueStatus } from '../../ingest/queue/status.js';
import { withQueue } from '../run-queue-command.js';
import { dbOption } from '../store-options.js';
import { EXIT } from '../exit-codes.js';

interface StatusCliOptions {
  db?: string;
  json?: boolean;
  limit: number;
}

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error('expected a whole number ≥ 0');
  return n;
};

function statusCommand(): Command {
  return new Command('status')
    .description(
      'jobs waiting, in progress, done and failed, and the dead-lettered articles with their reasons',
    )
    .addOption(dbOption())
    .addOption(new Option('--limit <n>', 'dead-lettered articles to list').argParser(count).default(20))
    .option('--json', 'print the status as JSON')
    .action(async (o: StatusCliOptions) => {
      process.exitCode = await withQueue(o.db, {}, async (boss, store) => {
        const status = await queueStatus(boss, { deadLetterLimit: o.limit });
        const counts = await store.counts();
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ ...status, store: counts })}\n`);
          return EXIT.ok;
        }
        const s = status.states;
        const lines = [
          `queue ${store.location}`,
          `  waiting     ${(s.created ?? 0) + (s.retry ?? 0)}${s.retry ? ` (${s.retry} to retry)` : ''}`,
          `  in progress ${s.active ?? 0}`,
          `  done        ${s.completed ?? 0}`,
          `  failed      ${status.deadLetters} dead-lettered`,
          `  store       ${counts.articles} articles, ${counts.events} events, ${counts.statements} statements`,
        ];
        if (status.firstDeadLetters.length) {
          lines.push('dead letters (oldest first):');
          for (const d of status.firstDeadLetters)
            lines.push(`  ${d.articleId}  ${d.where}  after ${d.tries} tries: ${d.reason}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        return EXIT.ok;
      });
    });
}

export function queueCommand(): Command {
  return new Command('queue').description('inspect the job queue in PostgreSQL').addCommand(statusCommand());
}
