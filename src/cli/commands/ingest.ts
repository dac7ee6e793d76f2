/** `parley ingest PATH…`: code articles on all cores and store them, idempotently. */
import { Command, Option } from 'commander';
import { createCoderPool, defaultWorkers } from '../../ingest/coder-pool.js';
import { countInputs } from '../../ingest/count-inputs.js';
import { ingest } from '../../ingest/ingest.js';
import { readArticles } from '../../ingest/read-articles.js';
import { doneCount, formatSummary, type RunSummary } from '../../ingest/summary.js';
import { EXIT } from '../exit-codes.js';
import { createProgress } from '../output/progress.js';
import { withStore } from '../run-store-command.js';
import { dbOption, isoDate, list, positiveInt } from '../store-options.js';

interface IngestCliOptions {
  db?: string;
  workers?: number;
  date?: string;
  dict: string[];
  json?: boolean;
}

/** Bad input lines, not duplicates or unchanged articles, make a run partial. */
export function exitCodeFor(s: RunSummary): number {
  const inputProblems = Object.entries(s.skipped)
    .filter(([reason]) => reason !== 'duplicate content' && reason !== 'not coded')
    .reduce((n, [, c]) => n + c, 0);
  if (s.interrupted) return 130;
  if (s.failed === 0 && inputProblems === 0) return EXIT.ok;
  return doneCount(s) - s.failed - inputProblems > 0 ? EXIT.partial : EXIT.failed;
}

export function stopOnInterrupt(): AbortController {
  const stop = new AbortController();
  // The first Ctrl-C finishes the articles in flight and prints the summary; a second one kills.
  process.once('SIGINT', () => {
    process.stderr.write('\nparley: stopping after the articles in flight (Ctrl-C again to stop now)\n');
    stop.abort();
  });
  return stop;
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'code articles and store them (files, directories, .jsonl[.gz], .txt, .md, .html, RSS/Atom feeds, - for stdin); ' +
        'articles already stored with the same content are skipped',
    )
    .argument('<paths...>', 'files or directories to ingest')
    .addOption(dbOption())
    .addOption(
      new Option('--workers <n>', `coding threads (default: all ${defaultWorkers()} cores)`).argParser(
        positiveInt,
      ),
    )
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that carry none', isoDate)
    .option('--dict <path>', 'extra dictionary file or directory (repeatable)', list, [])
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], o: IngestCliOptions) => {
      process.exitCode = await withStore(o.db, { mustExist: false }, async (store) => {
        const total = process.stderr.isTTY ? await countInputs(paths) : null;
        const progress = createProgress(total, 'ingest');
        const pool = createCoderPool({ ...(o.workers ? { workers: o.workers } : {}), dict: o.dict });
        try {
          const summary = await ingest(store, pool, readArticles(paths, o.date ? { date: o.date } : {}), {
            signal: stopOnInterrupt().signal,
            onProblem: (where, message) => progress.log(`parley: ${where}: ${message}`),
            onProgress: (s) =>
              progress.update(doneCount(s), `${s.new} new, ${s.unchanged} unchanged, ${s.events} events`),
          });
          progress.stop();
          const counts = await store.counts();
          if (o.json)
            process.stdout.write(
              `${JSON.stringify({ ...summary, database: store.location, totals: counts })}\n`,
            );
          else {
            process.stdout.write(`${formatSummary(summary)}\n`);
            process.stdout.write(
              `  database   ${store.location}: ${counts.articles} articles, ${counts.events} events, ${counts.statements} statements\n`,
            );
          }
          return exitCodeFor(summary);
        } finally {
          progress.stop();
          await pool.close();
        }
      });
    });
}
