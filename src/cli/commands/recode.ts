/** `parley recode`: codes again the stored articles whose coder version is not the current one. */
import { Command, Option } from 'commander';
import { createCoderPool, defaultWorkers } from '../../ingest/coder-pool.js';
import { recode } from '../../ingest/recode.js';
import { doneCount, formatSummary } from '../../ingest/summary.js';
import { createProgress } from '../output/progress.js';
import { withStore } from '../run-store-command.js';
import { dbOption, list, positiveInt } from '../store-options.js';
import { exitCodeFor, stopOnInterrupt } from './ingest.js';

interface RecodeCliOptions {
  db?: string;
  workers?: number;
  dict: string[];
  json?: boolean;
}

export function recodeCommand(): Command {
  return new Command('recode')
    .description('re-code stored articles that an older (or other) coder version coded')
    .addOption(dbOption())
    .addOption(
      new Option('--workers <n>', `coding threads (default: all ${defaultWorkers()} cores)`).argParser(
        positiveInt,
      ),
    )
    .option('--dict <path>', 'extra dictionary file or directory (repeatable)', list, [])
    .option('--json', 'print the summary as JSON')
    .action(async (o: RecodeCliOptions) => {
      process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
        const pool = createCoderPool({ ...(o.workers ? { workers: o.workers } : {}), dict: o.dict });
        const version = await pool.version();
        const progress = createProgress(await store.countCodedOtherwise(version), 'recode');
        try {
          const { summary } = await recode(store, pool, {
            signal: stopOnInterrupt().signal,
            onProblem: (where, message) => progress.log(`parley: ${where}: ${message}`),
            onProgress: (s) => progress.update(doneCount(s), `${s.events} events`),
          });
          progress.stop();
          if (o.json) process.stdout.write(`${JSON.stringify({ ...summary, coderVersion: version })}\n`);
          else process.stdout.write(`${formatSummary(summary, `recode to ${version}`)}\n`);
          return exitCodeFor(summary);
        } finally {
          progress.stop();
          await pool.close();
        }
      });
    });
}
