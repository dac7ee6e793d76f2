/**
 * The bench as a smoke test: it runs end to end on 20 sample articles and writes figures of the
 * expected shape. No timing is asserted anywhere: only that the figures exist and are positive.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { summariseProfile, type CpuProfile } from '../bench/profile-summary.js';
import { percentile } from '../bench/stats.js';
import { benchArgs } from '../src/cli/commands/bench.js';
import { root } from './helpers.js';

const run = join(root, 'dist', 'bench', 'run.js');
const corpus = join(root, 'samples', 'corpus.jsonl');

const positive = (value: unknown, what: string) => {
  assert.equal(typeof value, 'number', `${what} is a number`);
  assert.ok((value as number) > 0, `${what} > 0 (got ${String(value)})`);
};

describe('npm run bench (smoke, 20 sample articles)', () => {
  const out = mkdtempSync(join(tmpdir(), 'parley-bench-test-'));
  // The figures as printed; read loosely, field by field, as a comparison script would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let printed: Record<string, any> = {};
  before(() => {
    const stdout = execFileSync(
      process.execPath,
      [
        run,
        ...['--corpus', corpus, '--limit', '20', '--warmup', '5', '--rounds', '1'],
        ...['--query-events', '300', '--query-runs', '2', '--workers', '1,2'],
        ...['--out', out, '--json', '--quiet'],
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    printed = JSON.parse(stdout) as typeof printed;
  });

  it('writes the figures to <timestamp>.json and latest.json', () => {
    const latest = join(out, 'latest.json');
    assert.ok(existsSync(latest));
    const files = readdirSync(out).filter((f) => /^\d{4}-\d{2}-\d{2}T.*\.json$/.test(f));
    assert.equal(files.length, 1);
    assert.deepEqual(JSON.parse(readFileSync(latest, 'utf8')), printed);
    assert.deepEqual(JSON.parse(readFileSync(join(out, files[0] as string), 'utf8')), printed);
  });

  it('describes the machine and the corpus', () => {
    positive(printed.machine.cores, 'machine.cores');
    assert.equal(printed.corpus.articles, 20);
    assert.equal(printed.corpus.path, corpus);
    positive(printed.corpus.characters, 'corpus.characters');
  });

  it('gives the wink baseline in sentences/s and tokens/s', () => {
    for (const b of [printed.baseline, printed.baselineLean]) {
      assert.equal(b.articles, 20);
      for (const k of ['sentences', 'tokens', 'ms', 'sentencesPerSec', 'tokensPerSec', 'articlesPerSec'])
        positive(b[k], `baseline.${k}`);
    }
    assert.equal(printed.baseline.pipeline, 'default');
  });

  it('gives full coding throughput and its ratio to the baseline', () => {
    const c = printed.coder;
    assert.equal(c.articles, 20);
    for (const k of [
      'sentences',
      'events',
      'ms',
      'sentencesPerSec',
      'articlesPerSec',
      'eventsPerSec',
      'ratioToBaseline',
      'ratioToBaselineCpu',
      'ratioToLeanBaseline',
    ])
      positive(c[k], `coder.${k}`);
    assert.equal(c.roundRatios.length, 1);
  });

  it('gives start-up time and peak memory', () => {
    for (const k of ['importMs', 'loadDictionaryMs', 'createCoderMs', 'totalMs', 'firstArticleMs'])
      positive(printed.startup[k], `startup.${k}`);
    positive(printed.memory.peakRssMbAfterCoding, 'memory.peakRssMbAfterCoding');
    assert.ok(printed.memory.peakRssMb >= printed.memory.peakRssMbAfterCoding);
  });

  it('gives ingest and query figures when the store exists, or says why not', () => {
    const s = printed.store;
    if (!s.available) {
      assert.equal(typeof s.reason, 'string');
      return;
    }
    assert.deepEqual(
      s.ingest.map((f: { workers: number }) => f.workers),
      [1, 2],
    );
    for (const f of s.ingest) {
      assert.equal(f.articles, 20);
      positive(f.articlesPerSec, `ingest(${f.workers}).articlesPerSec`);
      positive(f.eventsPerSec, `ingest(${f.workers}).eventsPerSec`);
    }
    positive(s.ingestScaling, 'ingestScaling');
    assert.ok(s.queryStore.events >= 300);
    for (const name of ['dyad', 'eventsActorRootYear', 'eventsDyadQuad', 'network']) {
      const q = s.queries[name];
      assert.ok(q, `query ${name}`);
      positive(q.medianMs, `${name}.medianMs`);
      positive(q.p95Ms, `${name}.p95Ms`);
      positive(q.rows, `${name}.rows`);
    }
  });

  it('times the HTTP API requests of the dashboard on the query store', () => {
    const s = printed.store;
    if (!s.available) return;
    assert.equal(s.api.length, 1, 'a query store this small is the only API store');
    positive(s.api[0].events, 'api.events');
    for (const name of [
      'events',
      'eventsActorRootYear',
      'eventsDyadQuad',
      'dyadWeeks',
      'actors',
      'network',
    ]) {
      const r = s.api[0].requests[name];
      assert.ok(r, `request ${name}`);
      assert.match(r.url, /^\/api\//);
      positive(r.medianMs, `${name}.medianMs`);
      positive(r.rows, `${name} bytes`);
    }
  });

  it('states each target with its value', () => {
    for (const k of ['coderRatio', 'startupMs', 'peakRssMbCoding']) {
      assert.equal(typeof printed.targets[k].target, 'string');
      positive(printed.targets[k].value, `targets.${k}.value`);
    }
  });
});

describe('bench --profile', () => {
  it('profiles the coder under node --cpu-prof and summarises where the time goes', () => {
    const out = mkdtempSync(join(tmpdir(), 'parley-bench-prof-'));
    const stdout = execFileSync(
      process.execPath,
      [run, '--profile', '--corpus', corpus, '--limit', '10', '--warmup', '2', '--out', out, '--quiet'],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    assert.match(stdout, /self time by function/);
    const dir = join(out, 'profiles');
    const files = readdirSync(dir);
    const summary = files.find((f) => f.endsWith('.summary.json'));
    assert.ok(files.some((f) => f.endsWith('.cpuprofile')));
    assert.ok(summary);
    const s = JSON.parse(readFileSync(join(dir, summary), 'utf8')) as {
      selfByFunction: unknown[];
      byArea: { name: string }[];
    };
    assert.ok(s.selfByFunction.length > 0);
    assert.ok(
      s.byArea.some((r) => r.name.startsWith('src/coder/')),
      'coder files appear, mapped to TypeScript',
    );
  });
});

describe('profile summary', () => {
  // (root) -> main -> hot; main also runs itself. Samples: hot, hot, main, hot, (idle).
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 5000,
    nodes: [
      {
        id: 1,
        callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 },
        children: [2, 4],
      },
      {
        id: 2,
        callFrame: { functionName: 'main', url: 'file:///nowhere/app.js', lineNumber: 0, columnNumber: 0 },
        children: [3],
      },
      {
        id: 3,
        callFrame: { functionName: 'hot', url: 'file:///nowhere/app.js', lineNumber: 9, columnNumber: 2 },
        positionTicks: [{ line: 11, ticks: 3 }],
      },
      { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
    ],
    samples: [3, 3, 2, 3, 4],
    timeDeltas: [0, 1000, 1000, 1000, 1000],
  };

  it('adds self time per function and inclusive time up the stack, idle excluded', () => {
    const s = summariseProfile(profile, '/nowhere');
    assert.equal(s.samples, 5);
    const self = Object.fromEntries(s.selfByFunction.map((r) => [r.name, r.ms]));
    // The last sample has no successor and is given the mean interval (1 ms).
    assert.equal(self['hot app.js:10'], 3);
    assert.equal(self['main app.js:1'], 1);
    const inclusive = Object.fromEntries(s.inclusiveByFunction.map((r) => [r.name, r.ms]));
    assert.equal(inclusive['main app.js:1'], 4);
    assert.equal(s.totalMs, 4);
    assert.equal(s.hotLines[0]?.name, 'app.js:11 (hot)');
  });
});

describe('bench helpers', () => {
  it('takes nearest-rank percentiles', () => {
    assert.equal(percentile([5, 1, 4, 2, 3], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
    assert.equal(percentile([], 50), 0);
  });

  it('passes `parley bench` options on to the bench script', () => {
    assert.deepEqual(
      benchArgs({ limit: '20', workers: '1,2', store: false, lean: true, write: true, json: true }),
      ['--limit', '20', '--workers', '1,2', '--no-store', '--json'],
    );
  });
});
