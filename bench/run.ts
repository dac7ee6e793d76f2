/**
 * `npm run bench [-- options]`: runs the bench in this process, prints the figures and writes
 * them to bench-results/<timestamp>.json and bench-results/latest.json.
 * `--profile` instead runs the coding part once under `node --cpu-prof` and summarises the profile.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatResults, runBench, type BenchOptions } from './bench.js';
import { DEFAULT_LIMIT, defaultCorpus } from './corpus.js';
import { packageRoot } from '../src/dictionaries/load.js';

export const USAGE = `usage: npm run bench -- [options]   (or: node dist/bench/run.js [options])

  --corpus PATH        JSONL or JSONL.gz articles (default: ../shared/corpora/reuters-2006-2013-sample.jsonl.gz
                       when present, else samples/corpus.jsonl repeated)
  --limit N            articles to use (default ${DEFAULT_LIMIT})
  --warmup N           articles coded before timing (default 200)
  --rounds N           timed passes of baseline and coder, alternated; the median is kept (default 3)
  --workers LIST       ingest thread counts, e.g. 1,2 (default: 1 and all cores)
  --ingest-warmup N    articles ingested before each timed ingest, read from the corpus after the
                       timed ones (default: the --warmup articles again, under other ids). A long
                       ingest runs warm: a few thousand let every thread's JIT settle
  --query-events N     events in the query store (default 1000000)
  --query-db PATH      the query store, kept between runs and reused while it holds enough events
                       (default: <out>/query-store.db; several GB for 1M events of Reuters articles)
  --fresh-query-db     delete the query store first and build it again
  --query-runs N       timed runs per query (default 20)
  --api-events N       events in the second, smaller store on which the HTTP API is timed too
                       (default 100000; kept at <query-db>-<N>.db and reused)
  --no-api             skip the HTTP API figures
  --no-store           skip the store figures
  --no-lean            skip the second baseline (wink without NER/CER, for information)
  --coder-only         start-up and coding only (no baseline, no store)
  --out DIR            where results go (default bench-results/)
  --no-write           do not write result files
  --json               print the results as JSON instead of the table
  --profile            run the coding part under node --cpu-prof and summarise the profile
  --quiet              no progress on stderr
`;

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const x = Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(x) || x <= 0)
    throw new Error(`--${name} expects a positive whole number, got "${v}"`);
  return x;
}

const stamp = (iso: string) => iso.replace(/[:.]/g, '-');

function profile(root: string, args: string[], out: string, log: (s: string) => void): Promise<number> {
  const dir = join(out, 'profiles');
  mkdirSync(dir, { recursive: true });
  const name = `coder-${stamp(new Date().toISOString())}.cpuprofile`;
  const self = fileURLToPath(import.meta.url);
  log(`profiling the coder: node --cpu-prof ${self} --coder-only …`);
  const child = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      `--cpu-prof-name=${name}`,
      self,
      ...args.filter((a) => a !== '--profile'),
      '--coder-only',
      '--rounds',
      '1',
      '--no-write',
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status !== 0) return Promise.resolve(child.status ?? 1);
  const file = join(dir, name);
  return import('./profile-summary.js').then(({ summariseProfile, formatSummary }) => {
    const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')), root, 25);
    const text = formatSummary(summary);
    writeFileSync(file.replace(/\.cpuprofile$/, '.summary.txt'), `${text}\n`);
    writeFileSync(file.replace(/\.cpuprofile$/, '.summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`\n${text}\nprofile: ${file}\n`);
    return 0;
  });
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      limit: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      workers: { type: 'string' },
      'ingest-warmup': { type: 'string' },
      'query-events': { type: 'string' },
      'query-db': { type: 'string' },
      'fresh-query-db': { type: 'boolean', default: false },
      'query-runs': { type: 'string' },
      'api-events': { type: 'string' },
      'no-api': { type: 'boolean', default: false },
      'no-store': { type: 'boolean', default: false },
      'no-lean': { type: 'boolean', default: false },
      'coder-only': { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const root = packageRoot();
  const log = values.quiet ? () => {} : (line: string) => process.stderr.write(`bench: ${line}\n`);
  const out = resolve(values.out ?? join(root, 'bench-results'));
  if (values.profile) return profile(root, argv, out, log);

  const queryDb = resolve(values['query-db'] ?? join(out, 'query-store.db'));
  const apiSmallEvents = positive('api-events', values['api-events'], 100_000);
  const apiSmallDb = queryDb.replace(/(\.db)?$/, `-${apiSmallEvents}.db`);
  if (values['fresh-query-db'])
    for (const db of [queryDb, apiSmallDb])
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const workers = values.workers
    ?.split(',')
    .filter(Boolean)
    .map((w) => positive('workers', w, 1));
  const options: BenchOptions = {
    corpus: resolve(values.corpus ?? defaultCorpus(root)),
    limit: positive('limit', values.limit, DEFAULT_LIMIT),
    warmup: values.warmup === '0' ? 0 : positive('warmup', values.warmup, 200),
    rounds: positive('rounds', values.rounds, 3),
    coderOnly: values['coder-only'],
    noStore: values['no-store'],
    noLean: values['no-lean'],
    ...(workers?.length ? { workers } : {}),
    ...(values['ingest-warmup'] !== undefined
      ? {
          ingestWarmup:
            values['ingest-warmup'] === '0' ? 0 : positive('ingest-warmup', values['ingest-warmup'], 0),
        }
      : {}),
    queryEvents: positive('query-events', values['query-events'], 1_000_000),
    queryDb,
    queryRuns: positive('query-runs', values['query-runs'], 20),
    api: !values['no-api'],
    apiSmallEvents,
    apiSmallDb,
    log,
  };
  const results = await runBench(options, root);
  process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatResults(results)}\n`);
  if (!values['no-write']) {
    mkdirSync(out, { recursive: true });
    const body = `${JSON.stringify(results, null, 2)}\n`;
    const file = join(out, `${stamp(results.timestamp)}.json`);
    writeFileSync(file, body);
    writeFileSync(join(out, 'latest.json'), body);
    const kept = readdirSync(out).filter((f) => f.endsWith('.json')).length;
    log(`results: ${file} (and latest.json; ${kept} files in ${out})`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
