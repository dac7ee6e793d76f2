/**
 * `parley bench`: the speed figures of `npm run bench`. The bench runs in a fresh Node process
 * (dist/bench/run.js) so that its start-up figure is not flattered by the modules this CLI has
 * already loaded; it prints the figures and writes them to bench-results/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { EXIT } from '../exit-codes.js';

interface BenchCliOptions {
  corpus?: string;
  limit?: string;
  warmup?: string;
  rounds?: string;
  workers?: string;
  queryEvents?: string;
  queryDb?: string;
  freshQueryDb?: boolean;
  queryRuns?: string;
  store: boolean;
  lean: boolean;
  coderOnly?: boolean;
  out?: string;
  write: boolean;
  json?: boolean;
  profile?: boolean;
  quiet?: boolean;
}

const whole = (v: string) => {
  if (!/^\d[\d_,]*$/.test(v) || Number(v.replace(/[_,]/g, '')) < 1)
    throw new InvalidArgumentError('expected a whole number ≥ 1');
  return v;
};
const threadList = (v: string) => {
  if (!/^\d+(,\d+)*$/.test(v)) throw new InvalidArgumentError('expected thread counts such as 1,2');
  return v;
};

/** The arguments of dist/bench/run.js for these options. */
export function benchArgs(o: BenchCliOptions): string[] {
  const args: string[] = [];
  const pairs: [string, string | undefined][] = [
    ['--corpus', o.corpus],
    ['--limit', o.limit],
    ['--warmup', o.warmup],
    ['--rounds', o.rounds],
    ['--workers', o.workers],
    ['--query-events', o.queryEvents],
    ['--query-db', o.queryDb],
    ['--query-runs', o.queryRuns],
    ['--out', o.out],
  ];
  for (const [flag, value] of pairs) if (value !== undefined) args.push(flag, value);
  if (!o.store) args.push('--no-store');
  if (!o.lean) args.push('--no-lean');
  if (!o.write) args.push('--no-write');
  if (o.freshQueryDb) args.push('--fresh-query-db');
  if (o.coderOnly) args.push('--coder-only');
  if (o.json) args.push('--json');
  if (o.profile) args.push('--profile');
  if (o.quiet) args.push('--quiet');
  return args;
}

export function benchCommand(): Command {
  return new Command('bench')
    .description(
      'measure speed: the bare wink-nlp pipeline, full coding on one thread and its ratio to it, start-up, ' +
        'peak memory, ingest with 1 and all threads, query latency on a 1M-event store; figures go to bench-results/',
    )
    .option(
      '--corpus <path>',
      'JSONL(.gz) articles (default: the Reuters sample in ../shared/corpora, else samples/)',
    )
    .option('--limit <n>', 'articles to use (default 2000)', whole)
    .option('--warmup <n>', 'articles coded before timing (default 200)', whole)
    .option('--rounds <n>', 'alternated timed passes; medians are reported (default 3)', whole)
    .option('--workers <list>', 'ingest thread counts, e.g. 1,2 (default: 1 and all cores)', threadList)
    .option('--query-events <n>', 'events in the query store (default 1000000)', whole)
    .option(
      '--query-db <path>',
      'the query store, kept and reused between runs (default bench-results/query-store.db)',
    )
    .option('--fresh-query-db', 'delete the query store first and build it again')
    .option('--query-runs <n>', 'timed runs per query (default 20)', whole)
    .option('--no-store', 'skip ingest and query figures')
    .option('--no-lean', 'skip the second baseline (wink without NER/CER)')
    .option('--coder-only', 'start-up and coding only')
    .option('--out <dir>', 'where results go (default bench-results/)')
    .option('--no-write', 'do not write result files')
    .option('--json', 'print the results as JSON')
    .option('--profile', 'run the coding part under node --cpu-prof and summarise where the time goes')
    .option('--quiet', 'no progress on stderr')
    .action(async (o: BenchCliOptions) => {
      const script = fileURLToPath(new URL('../../../bench/run.js', import.meta.url));
      if (!existsSync(script)) {
        process.stderr.write(`parley: ${script} is missing: run \`npm run build\` first\n`);
        process.exitCode = EXIT.failed;
        return;
      }
      const child = spawn(process.execPath, [script, ...benchArgs(o)], { stdio: 'inherit' });
      const code = await new Promise<number>((resolve) => {
        child.on('error', () => resolve(EXIT.failed));
        child.on('exit', (status, signal) => resolve(signal ? EXIT.failed : (status ?? EXIT.failed)));
      });
      process.exitCode = code;
    });
}

/** Adds `parley bench` to the program (wired in src/cli/main.ts). */
export function registerBench(program: Command): void {
  const command = benchCommand();
  command.copyInheritedSettings(program);
  program.addCommand(command);
}
