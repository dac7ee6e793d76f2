/**
 * `npm run bench` / `parley bench`: in one process, the bare wink-nlp floor, Parley's full coding
 * on one thread and its ratio to the floor, start-up, peak memory, and (when the store exists)
 * ingest throughput and query latency. Figures come back as one JSON-able object.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Article, CodedArticle } from '../src/coder/types.js';
import { runCoder, startCoder, type CoderFigures, type StartupFigures } from './coder-bench.js';
import { loadCorpus } from './corpus.js';
import type { BaselineFigures, Reader } from './nlp-baseline.js';
import { median, peakRssMb, round } from './stats.js';
import type { StoreFigures, StoreOptions } from './store-bench.js';

export const TARGETS = {
  /** Full coding throughput over the bare wink pipeline's, same text, same run. */
  coderRatio: 0.5,
  startupMs: 1000,
  peakRssMb: 400,
  ingestArticlesPerSec: 800,
  queryMs: 100,
  queryEvents: 1_000_000,
} as const;

/** What the bench is run with; the store part is handed on to the store bench as it is. */
export interface BenchOptions extends Pick<
  StoreOptions,
  'workers' | 'queryEvents' | 'queryDb' | 'queryRuns' | 'api' | 'apiSmallEvents' | 'apiSmallDb' | 'log'
> {
  corpus: string;
  limit: number;
  /** Articles coded (and read by wink) before timing starts. */
  warmup: number;
  /** Timed passes of coder and baseline, alternated; the median pass and ratio are reported. */
  rounds: number;
  /** Only start-up and coding: for `--cpu-prof` runs. */
  coderOnly?: boolean;
  /** Skip the lean-pipeline baseline. */
  noLean?: boolean;
  /** Skip the store figures even if the store exists. */
  noStore?: boolean;
  /**
   * Articles ingested before each timed ingest, taken from the corpus after the timed ones. Unset:
   * the `warmup` articles again under other ids.
   */
  ingestWarmup?: number;
}

export type StoreSection = StoreFigures | { available: false; reason: string };

export interface BenchResults {
  schema: 1;
  timestamp: string;
  machine: {
    cores: number;
    cpu: string;
    memoryMb: number;
    platform: string;
    node: string;
    /** 1-minute load average at the start and the end: above the core count, figures are stretched. */
    loadAverage: [number, number];
  };
  git: { commit: string | null; dirty: boolean | null };
  corpus: { path: string; articles: number; characters: number; repeats: number; warmup: number };
  rounds: number;
  startup: StartupFigures;
  /** The full default wink pipeline: what the ratio target refers to. */
  baseline: BaselineFigures | null;
  /** wink without the entity recognisers the coder does not use, for information. */
  baselineLean: BaselineFigures | null;
  coder: CoderFigures & {
    /** Median over rounds of (baseline time / coder time) on the same articles: the target's ratio. */
    ratioToBaseline: number | null;
    /** The same with process CPU time instead of wall time: steadier on a busy machine. */
    ratioToBaselineCpu: number | null;
    ratioToLeanBaseline: number | null;
    roundRatios: number[];
  };
  memory: { peakRssMbAfterCoding: number; peakRssMb: number };
  store: StoreSection | null;
  targets: Record<string, { target: string; value: number | null; met: boolean | null }>;
}

function gitState(cwd: string): BenchResults['git'] {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** The item with the median key (the lower middle one for an even count). */
function medianBy<T>(items: T[], key: (t: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}

/**
 * Other articles than the timed ones, so that the ingest's threads warm up on text they will not
 * code again: the corpus read further (repeated, under other ids, if it is too short).
 */
async function ingestWarmupArticles(o: BenchOptions, timed: Article[]): Promise<Article[]> {
  if (!o.ingestWarmup) return [];
  const more = await loadCorpus(o.corpus, timed.length + o.ingestWarmup);
  return more.articles.slice(timed.length);
}

export async function runBench(o: BenchOptions, cwd: string): Promise<BenchResults> {
  const loadAtStart = round(loadavg()[0] ?? 0, 2);
  const corpus = await loadCorpus(o.corpus, o.limit);
  const articles = corpus.articles;
  const warmup = articles.slice(0, Math.min(o.warmup, articles.length));
  o.log(
    `corpus: ${articles.length} articles (${corpus.characters.toLocaleString('en-US')} characters) from ${corpus.path}`,
  );

  // Start-up first, before anything else has loaded wink-nlp or the dictionary.
  const ready = await startCoder(articles[0] as Article);
  o.log(`start-up: ${ready.startup.totalMs} ms`);

  const coders: CoderFigures[] = [];
  const baselines: BaselineFigures[] = [];
  const leans: BaselineFigures[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const leanRatios: number[] = [];
  let coded: CodedArticle[] = [];
  let peakRssMbAfterCoding = 0;
  let read: { full: Reader; lean: Reader | null; leanPipeline: string[] } | null = null;
  const rounds = Math.max(1, o.rounds);
  // Each side is warmed before its first timed pass. Passes alternate and every round gives its
  // own ratio, so that load from other processes on a shared machine hits both sides alike.
  for (let r = 0; r < rounds; r++) {
    const run = runCoder(ready.coder, articles, r === 0 ? warmup : []);
    const c = run.figures;
    coders.push(c);
    coded = run.coded;
    o.log(`coder ${r + 1}/${rounds}: ${c.sentencesPerSec} sentences/s`);
    // The coder's own footprint: nothing else has loaded wink yet.
    if (r === 0) peakRssMbAfterCoding = peakRssMb();
    if (o.coderOnly) continue;
    if (!read) {
      const { createBaseline, LEAN_PIPELINE } = await import('./nlp-baseline.js');
      read = {
        full: createBaseline(),
        lean: o.noLean ? null : createBaseline(LEAN_PIPELINE),
        leanPipeline: LEAN_PIPELINE,
      };
    }
    const { runBaseline } = await import('./nlp-baseline.js');
    const b = runBaseline(read.full, articles, r === 0 ? warmup : []);
    baselines.push(b);
    ratios.push(b.ms / c.ms);
    cpuRatios.push(b.cpuMs / c.cpuMs);
    o.log(`baseline ${r + 1}/${rounds}: ${b.sentencesPerSec} sentences/s`);
    if (read.lean) {
      const l = runBaseline(read.lean, articles, r === 0 ? warmup : [], read.leanPipeline);
      leans.push(l);
      leanRatios.push(l.ms / c.ms);
      o.log(`lean baseline ${r + 1}/${rounds}: ${l.sentencesPerSec} sentences/s`);
    }
  }
  const coder = medianBy(coders, (c) => c.ms);
  const baseline = baselines.length ? medianBy(baselines, (b) => b.ms) : null;
  const baselineLean = leans.length ? medianBy(leans, (b) => b.ms) : null;
  const ratio = ratios.length ? round(median(ratios), 3) : null;
  const cpuRatio = cpuRatios.length ? round(median(cpuRatios), 3) : null;
  const leanRatio = leanRatios.length ? round(median(leanRatios), 3) : null;

  let store: StoreSection | null = null;
  if (!o.coderOnly && !o.noStore) {
    const { findStoreApi, runStoreBench } = await import('./store-bench.js');
    const api = await findStoreApi();
    if (typeof api === 'string') {
      store = { available: false, reason: api };
      o.log(`store benchmarks: not available yet (${api})`);
    } else {
      store = await runStoreBench(api, {
        articles,
        warmup: o.ingestWarmup === undefined ? warmup : await ingestWarmupArticles(o, articles),
        coded,
        dictionary: ready.dictionary,
        ...(o.workers ? { workers: o.workers } : {}),
        queryEvents: o.queryEvents,
        queryDb: o.queryDb,
        queryRuns: o.queryRuns,
        api: o.api,
        apiSmallEvents: o.apiSmallEvents,
        apiSmallDb: o.apiSmallDb,
        log: o.log,
      });
    }
  }
  const peak = peakRssMb();

  const targets: BenchResults['targets'] = {
    coderRatio: {
      target: `>= ${TARGETS.coderRatio}`,
      value: ratio,
      met: ratio === null ? null : ratio >= TARGETS.coderRatio,
    },
    startupMs: {
      target: `< ${TARGETS.startupMs}`,
      value: ready.startup.totalMs,
      met: ready.startup.totalMs < TARGETS.startupMs,
    },
    peakRssMbCoding: {
      target: `< ${TARGETS.peakRssMb}`,
      value: peakRssMbAfterCoding,
      met: peakRssMbAfterCoding < TARGETS.peakRssMb,
    },
  };
  if (store?.available) {
    const most = store.ingest.reduce((m, f) => (f.workers > m.workers ? f : m));
    targets.ingestArticlesPerSec = {
      target: `>= ${TARGETS.ingestArticlesPerSec} (${most.workers} threads)`,
      value: most.articlesPerSec,
      met: most.articlesPerSec >= TARGETS.ingestArticlesPerSec,
    };
    const slowest = Math.max(...Object.values(store.queries).map((q) => q.p95Ms));
    const big = store.queryStore.events >= TARGETS.queryEvents;
    targets.queryP95Ms = {
      target: `< ${TARGETS.queryMs} at >= 1M events`,
      value: slowest,
      met: big ? slowest < TARGETS.queryMs : null,
    };
  }

  const cpu = cpus()[0]?.model ?? 'unknown';
  return {
    schema: 1,
    timestamp: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      cpu,
      memoryMb: Math.round(totalmem() / (1024 * 1024)),
      platform: `${platform()} ${release()}`,
      node: process.version,
      loadAverage: [loadAtStart, round(loadavg()[0] ?? 0, 2)],
    },
    git: gitState(cwd),
    corpus: {
      path: corpus.path,
      articles: articles.length,
      characters: corpus.characters,
      repeats: corpus.repeats,
      warmup: warmup.length,
    },
    rounds,
    startup: ready.startup,
    baseline,
    baselineLean,
    coder: {
      ...coder,
      ratioToBaseline: ratio,
      ratioToBaselineCpu: cpuRatio,
      ratioToLeanBaseline: leanRatio,
      roundRatios: ratios.map((x) => round(x, 3)),
    },
    memory: { peakRssMbAfterCoding, peakRssMb: peak },
    store,
    targets,
  };
}

// ---- Printing ----

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
const mark = (met: boolean | null) => (met === null ? '' : met ? '  ✓' : '  ✗');

export function formatResults(r: BenchResults): string {
  const lines: string[] = [];
  const t = r.targets;
  lines.push(
    `Parley bench — ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}, ${r.timestamp}` +
      `; load average ${r.machine.loadAverage[0]} → ${r.machine.loadAverage[1]}`,
    `corpus: ${r.corpus.path} — ${n(r.corpus.articles)} articles, ${n(r.corpus.characters)} characters` +
      `${r.corpus.repeats > 1 ? ` (file repeated ${r.corpus.repeats}×)` : ''}; warm-up ${r.corpus.warmup} articles; ` +
      `median of ${r.rounds} round(s)`,
    '',
  );
  if (r.baseline) {
    const b = r.baseline;
    lines.push(
      `1. baseline (wink-nlp readDoc + tokens + pos + lemmas + sentences)`,
      `   ${n(b.sentencesPerSec)} sentences/s, ${n(b.tokensPerSec)} tokens/s, ${n(b.articlesPerSec)} articles/s` +
        ` (${n(b.sentences)} sentences, ${n(b.tokens)} tokens in ${n(b.ms)} ms, ${n(b.cpuMs)} ms CPU)`,
    );
  }
  if (r.baselineLean) {
    const b = r.baselineLean;
    lines.push(
      `   for information, wink without NER/CER (${b.pipeline}): ${n(b.sentencesPerSec)} sentences/s,` +
        ` ${n(b.tokensPerSec)} tokens/s`,
    );
  }
  const c = r.coder;
  lines.push(
    `2. Parley coder, one thread`,
    `   ${n(c.sentencesPerSec)} sentences/s, ${n(c.articlesPerSec)} articles/s, ${n(c.eventsPerSec)} events/s` +
      ` (${n(c.events)} events, ${n(c.statements)} statements in ${n(c.ms)} ms, ${n(c.cpuMs)} ms CPU;` +
      ` per article median ${c.articleMedianMs} ms, p95 ${c.articleP95Ms} ms)`,
  );
  if (c.ratioToBaseline !== null)
    lines.push(
      `   ratio to baseline: ${c.ratioToBaseline} (target ≥ ${TARGETS.coderRatio})${mark(t.coderRatio?.met ?? null)}` +
        `; by CPU time ${c.ratioToBaselineCpu}; per round ${c.roundRatios.join(', ')}` +
        (c.ratioToLeanBaseline !== null ? `; to the lean pipeline ${c.ratioToLeanBaseline}` : ''),
    );
  const s = r.startup;
  lines.push(
    `3. start-up: ${n(s.totalMs)} ms (imports ${n(s.importMs)}, loadDictionary ${n(s.loadDictionaryMs)}, ` +
      `createCoder ${n(s.createCoderMs)}; ${n(s.cpuMs)} ms CPU; first article ${n(s.firstArticleMs)} ms)` +
      ` (target < ${TARGETS.startupMs} ms)` +
      mark(t.startupMs?.met ?? null),
    `4. peak RSS: ${n(r.memory.peakRssMbAfterCoding)} MB after coding (target < ${TARGETS.peakRssMb} MB)` +
      `${mark(t.peakRssMbCoding?.met ?? null)}; ${n(r.memory.peakRssMb)} MB at the end`,
  );
  if (r.store === null) lines.push('5. store benchmarks: skipped');
  else if (!r.store.available) lines.push(`5. store benchmarks: not available yet (${r.store.reason})`);
  else {
    const st = r.store;
    lines.push(`5. store (SQLite)`);
    for (const f of st.ingest)
      lines.push(
        `   ingest, ${f.workers} coding thread(s), after ${n(f.warmup)} warm-up articles: ` +
          `${n(f.articlesPerSec)} articles/s, ${n(f.eventsPerSec)} events/s` +
          ` (${n(f.stored)} stored, ${n(f.skipped)} skipped` +
          `${
            f.skipped
              ? ` [${Object.entries(f.skippedBy)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(', ')}]`
              : ''
          }` +
          `, ${n(f.events)} events in ${n(f.ms)} ms; per article ${n(f.cpuMsPerArticle)} ms CPU` +
          ` (all threads), main thread busy ${n(f.mainThreadMsPerArticle)} ms` +
          `; main thread in store calls: ` +
          `${Object.entries(f.storeMs)
            .map(([k, v]) => `${k} ${n(v)} ms`)
            .join(', ')})`,
      );
    lines.push(
      `   ingest scaling (all threads / one): ${st.ingestScaling}×` +
        `; target ≥ ${TARGETS.ingestArticlesPerSec} articles/s${mark(t.ingestArticlesPerSec?.met ?? null)}`,
    );
    const q = st.queryStore;
    lines.push(
      `   query store: ${n(q.events)} events, ${n(q.articles)} articles` +
        `, ${n(q.sizeMb)} MB` +
        (q.buildMs === 0
          ? ` (reused ${q.path})`
          : ` (${q.reused ? 'topped up' : 'built'} in ${n(q.buildMs / 1000)} s, ${n(q.savesPerSec)} saves/s)`),
    );
    for (const [name, l] of Object.entries(st.queries))
      lines.push(
        `   ${name.padEnd(20)} median ${String(l.medianMs).padStart(8)} ms  p95 ${String(l.p95Ms).padStart(8)} ms` +
          `  (${l.runs} runs, ${l.rows} rows; ${l.query})${l.p95Ms < TARGETS.queryMs ? '' : '  ✗'}`,
      );
    for (const a of st.api ?? []) {
      lines.push(`   HTTP API on ${n(a.events)} events (fastify inject):`);
      for (const [name, l] of Object.entries(a.requests))
        lines.push(
          `   ${name.padEnd(20)} median ${String(l.medianMs).padStart(8)} ms  p95 ${String(l.p95Ms).padStart(8)} ms` +
            `  (${l.runs} runs, ${n(l.rows)} bytes; GET ${l.url})`,
        );
    }
  }
  return lines.join('\n');
}
