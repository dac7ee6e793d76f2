/**
 * Store figures: ingest throughput (read -> code on N threads -> SQLite) and query latency on a
 * store of ≥ 1M events. The store and the ingest engine are found at run time and used only
 * through their public functions, so the bench neither depends on their internals nor breaks
 * while they are being written: if they are missing, the store figures are "not available".
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article, CodedArticle } from '../src/coder/types.js';
import type { CompiledDictionary } from '../src/dictionaries/types.js';
import { dashboardRequests, findBuildServer, runApiBench, type ApiFigures } from './api-bench.js';
import { cpuMs, measureLatency, perSecond, round, type Latency } from './stats.js';

// ---- The few shapes the bench relies on (checked at run time) ----

interface Counts {
  articles: number;
  events: number;
  statements: number;
}
interface BenchStore {
  save(input: {
    article: Article;
    coded: CodedArticle;
    contentHash: string;
    origin: string | null;
    actorNames: Record<string, string>;
  }): Promise<{ status: string }>;
  /** Several articles in one transaction, when the store has it. */
  saveBatch?(inputs: Parameters<BenchStore['save']>[0][]): Promise<{ status: string }[]>;
  counts(): Promise<Counts>;
  events(filter: Record<string, unknown>, limit?: number): Promise<unknown[]>;
  dyadDays(a: string[], b: string[], options?: Record<string, unknown>): Promise<unknown[]>;
  actorActivity(options?: Record<string, unknown>): Promise<unknown[]>;
  statements?(filter: Record<string, unknown>, limit?: number): Promise<unknown[]>;
  /** Per-pair totals of a period (the network's edges), when the store has them. */
  dyadTotals?(range?: Record<string, unknown>): Promise<unknown[]>;
  close(): Promise<void>;
}
interface Pool {
  readonly size: number;
  code(article: Article): Promise<unknown>;
  close(): Promise<void>;
}
interface Summary {
  new: number;
  unchanged: number;
  failed: number;
  skipped: Record<string, number>;
  events: number;
  statements: number;
}
type ReadItem = { article: Article; where: string };
interface StoreApi {
  openStore(location: string, options?: { mustExist?: boolean }): Promise<BenchStore>;
  createCoderPool(options: { workers?: number }): Pool;
  ingest(store: BenchStore, pool: Pool, items: AsyncIterable<ReadItem>, options?: object): Promise<Summary>;
}

/** The modules as compiled beside this file (dist/bench -> dist/src). */
async function importIfPresent(relative: string): Promise<Record<string, unknown> | null> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(url)) return null;
  try {
    return (await import(url.href)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The store and ingest engine, or the reason they cannot be benchmarked yet. */
export async function findStoreApi(): Promise<StoreApi | string> {
  const [open, pool, ingest] = await Promise.all([
    importIfPresent('../src/store/open.js'),
    importIfPresent('../src/ingest/coder-pool.js'),
    importIfPresent('../src/ingest/ingest.js'),
  ]);
  const openStore = open?.openStore ?? open?.createStore;
  if (typeof openStore !== 'function') return 'no store (src/store/open.ts with openStore)';
  if (typeof pool?.createCoderPool !== 'function') return 'no coding pool (src/ingest/coder-pool.ts)';
  if (typeof ingest?.ingest !== 'function') return 'no ingest engine (src/ingest/ingest.ts)';
  return {
    openStore: openStore as StoreApi['openStore'],
    createCoderPool: pool.createCoderPool as StoreApi['createCoderPool'],
    ingest: ingest.ingest as StoreApi['ingest'],
  };
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The articles as a reader would give them. With a prefix they become other articles (new ids,
 * a trailing newline so the content differs too): the warm-up must not make the timed articles
 * duplicates.
 */
async function* feed(articles: Article[], prefix: string): AsyncGenerator<ReadItem> {
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i] as Article;
    const article = prefix ? { ...a, id: `${prefix}${a.id}`, text: `${a.text}\n` } : a;
    yield { article, where: `bench:${i + 1}` };
  }
}

// ---- Ingest ----

export interface IngestFigures {
  workers: number;
  articles: number;
  /** Articles ingested (and so coded) by the same threads before the timed run. */
  warmup: number;
  stored: number;
  /** Not stored, by reason (duplicate content, not coded, failed…). */
  skipped: number;
  skippedBy: Record<string, number>;
  events: number;
  ms: number;
  articlesPerSec: number;
  eventsPerSec: number;
  /**
   * CPU time of the whole process (main thread and coding threads) per article: on a machine
   * shared with other work, cores ÷ this is what the run would reach with the cores to itself.
   */
  cpuMsPerArticle: number;
  /**
   * The main thread's busy time (event-loop utilisation: reading, messages, every store call) per
   * article: 1000 ÷ this is what one writer can take, however many coding threads feed it.
   */
  mainThreadMsPerArticle: number;
  /**
   * Main-thread time inside each store call during the timed run (better-sqlite3 is synchronous,
   * so this is the writer's own work): how much of the run the single writer was busy.
   */
  storeMs: Record<string, number>;
}

/** The store with the time spent in each of its methods added up. */
function timed(store: BenchStore): { store: BenchStore; spent: Record<string, number> } {
  const spent: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          spent[prop] = (spent[prop] ?? 0) + performance.now() - t0;
        }
      };
    },
  });
  return { store: proxy, spent };
}

async function ingestOnce(
  api: StoreApi,
  dir: string,
  articles: Article[],
  warmup: Article[],
  workers: number,
): Promise<IngestFigures> {
  const inner = await api.openStore(join(dir, `ingest-${workers}.db`));
  const { store, spent } = timed(inner);
  const pool = api.createCoderPool({ workers });
  try {
    // Every thread loads its dictionary and warms its JIT; the database's first pages are written.
    await api.ingest(store, pool, feed(warmup, 'warmup:'));
    for (const k of Object.keys(spent)) delete spent[k];
    const t0 = performance.now();
    const cpu0 = cpuMs();
    const elu0 = performance.eventLoopUtilization();
    const s = await api.ingest(store, pool, feed(articles, ''));
    const ms = performance.now() - t0;
    const cpu = cpuMs() - cpu0;
    const mainBusy = performance.eventLoopUtilization(elu0).active;
    const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0);
    return {
      workers,
      articles: articles.length,
      warmup: warmup.length,
      stored: s.new,
      skipped: skipped + s.unchanged + s.failed,
      skippedBy: {
        ...s.skipped,
        ...(s.unchanged ? { unchanged: s.unchanged } : {}),
        ...(s.failed ? { failed: s.failed } : {}),
      },
      events: s.events,
      ms: round(ms, 1),
      articlesPerSec: perSecond(articles.length, ms),
      eventsPerSec: perSecond(s.events, ms),
      cpuMsPerArticle: round(cpu / articles.length, 2),
      mainThreadMsPerArticle: round(mainBusy / articles.length, 2),
      storeMs: Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, round(v, 0)])),
    };
  } finally {
    await pool.close();
    await inner.close();
  }
}

// ---- Query store ----

export interface QueryStoreFigures {
  path: string;
  /** Left by an earlier run (reused as it was, or topped up). */
  reused: boolean;
  articles: number;
  events: number;
  statements: number;
  /** Copies of the corpus's event-bearing coded articles saved, under distinct ids. */
  copies: number;
  buildMs: number;
  savesPerSec: number;
  /** Size of the database file (with its WAL), MB. */
  sizeMb: number;
}

function fileMb(path: string): number {
  let bytes = 0;
  for (const f of [path, `${path}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
  return round(bytes / (1024 * 1024), 1);
}

/** Display names for every actor key, as the coding threads give them to the store. */
function actorNamesFor(coded: CodedArticle, names: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (key: string, fallback: string) => {
    out[key] ??= names.get(key) ?? fallback;
  };
  for (const e of coded.events) {
    add(e.source.key, e.source.name);
    if (e.target) add(e.target.key, e.target.name);
  }
  for (const s of coded.statements) {
    if (s.speaker) add(s.speaker.key, s.speaker.name);
    for (const a of s.about) add(a.key, a.name);
  }
  for (const a of coded.actors) add(a.key, a.name);
  return out;
}

/**
 * The generator: the corpus's coded articles that carry events are saved again and again through
 * `store.save`, each copy under new ids and content hashes, until the store holds `target`
 * events. Every row is a real coder output (real actors, codes, dates, sentences); only the
 * repetition is synthetic. Coding is not repeated: that is measured elsewhere.
 */
async function buildQueryStore(
  api: StoreApi,
  path: string,
  articles: Article[],
  coded: CodedArticle[],
  dictionary: CompiledDictionary,
  target: number,
  log: (line: string) => void,
): Promise<QueryStoreFigures> {
  const store = await api.openStore(path);
  try {
    const before = await store.counts();
    if (before.events >= target) {
      return { path, reused: true, ...before, copies: 0, buildMs: 0, savesPerSec: 0, sizeMb: fileMb(path) };
    }
    const names = new Map<string, string>();
    for (const a of dictionary.actors) if (!names.has(a.key)) names.set(a.key, a.name);
    const bearing: { article: Article; coded: CodedArticle; names: Record<string, string> }[] = [];
    for (let i = 0; i < coded.length; i++) {
      const c = coded[i] as CodedArticle;
      if (c.events.length > 0)
        bearing.push({ article: articles[i] as Article, coded: c, names: actorNamesFor(c, names) });
    }
    if (bearing.length === 0) throw new Error('the corpus yields no events: cannot build a query store');
    let events = before.events;
    let saves = 0;
    // Topping up a smaller store made from the same corpus: carry on after the copies it holds.
    let copy = Math.ceil(before.articles / bearing.length);
    const first = copy;
    const t0 = performance.now();
    let lastLog = t0;
    type Input = Parameters<BenchStore['save']>[0];
    // Batches of 64 in one transaction, as the ingest engine writes them.
    const saveAll = async (inputs: Input[]) => {
      if (inputs.length === 0) return;
      const outcomes = store.saveBatch
        ? await store.saveBatch(inputs)
        : await Promise.all(inputs.map((i) => store.save(i)));
      saves += inputs.length;
      outcomes.forEach((o, i) => {
        if (o.status === 'new') events += (inputs[i] as Input).coded.events.length;
      });
    };
    while (events < target) {
      copy++;
      let batch: Input[] = [];
      let planned = events;
      for (const b of bearing) {
        if (planned >= target) break;
        const id = `${b.article.id}~${copy}`;
        batch.push({
          article: { ...b.article, id },
          coded: { ...b.coded, id },
          contentHash: hash(`${id}\n${b.article.text}`),
          origin: `bench:copy ${copy}`,
          actorNames: b.names,
        });
        planned += b.coded.events.length;
        if (batch.length === 64) {
          await saveAll(batch);
          batch = [];
        }
      }
      await saveAll(batch);
      const now = performance.now();
      if (now - lastLog > 10_000) {
        lastLog = now;
        log(`  query store: ${events.toLocaleString('en-US')} / ${target.toLocaleString('en-US')} events`);
      }
    }
    const ms = performance.now() - t0;
    const after = await store.counts();
    return {
      path,
      reused: before.events > 0,
      ...after,
      copies: copy - first,
      buildMs: round(ms, 0),
      savesPerSec: perSecond(saves, ms),
      sizeMb: fileMb(path),
    };
  } finally {
    await store.close();
  }
}

export type QueryFigures = Record<string, Latency & { query: string }>;

/** The busiest pair of actor keys in the coded corpus (either direction) and its commonest root. */
function busiest(coded: CodedArticle[]): { a: string; b: string; actor: string; root: string; year: string } {
  const pairs = new Map<string, number>();
  const actors = new Map<string, number>();
  const roots = new Map<string, number>();
  const years = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of coded)
    for (const e of c.events) {
      bump(actors, e.source.key);
      bump(roots, e.root);
      bump(years, e.date.slice(0, 4));
      if (e.target && e.target.key !== e.source.key)
        bump(pairs, [e.source.key, e.target.key].sort().join('|'));
    }
  const top = (m: Map<string, number>, fallback: string) =>
    [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? fallback;
  const [a = 'USA', b = 'RUS'] = top(pairs, 'RUS|USA').split('|');
  return { a, b, actor: top(actors, 'USA'), root: top(roots, '04'), year: top(years, '2010') };
}

async function runQueries(
  api: StoreApi,
  path: string,
  coded: CodedArticle[],
  runs: number,
): Promise<QueryFigures> {
  const store = await api.openStore(path, { mustExist: true });
  const { a, b, actor, root, year } = busiest(coded);
  const out: QueryFigures = {};
  const time = async (name: string, query: string, call: () => Promise<number>) => {
    out[name] = { query, ...(await measureLatency(call, runs)) };
  };
  try {
    await time('dyad', `dyadDays([${a}], [${b}])`, async () => (await store.dyadDays([a], [b])).length);
    await time(
      'dyadYear',
      `dyadDays([${a}], [${b}], ${year})`,
      async () => (await store.dyadDays([a], [b], { from: `${year}-01-01`, to: `${year}-12-31` })).length,
    );
    await time(
      'eventsActorRootYear',
      `events({actor: ${actor}, roots: [${root}], ${year}}, 100)`,
      async () =>
        (
          await store.events(
            { actor: { keys: [actor] }, roots: [root], from: `${year}-01-01`, to: `${year}-12-31` },
            100,
          )
        ).length,
    );
    await time(
      'eventsDyadQuad',
      `events({dyad: ${a}-${b}, quads: [3, 4]}, 100)`,
      async () => (await store.events({ dyad: [[a], [b]], quads: [3, 4] }, 100)).length,
    );
    await time(
      'eventsCodeYear',
      `events({codes: [${root}], ${year}}, 100)`,
      async () =>
        (await store.events({ codes: [root], from: `${year}-01-01`, to: `${year}-12-31` }, 100)).length,
    );
    await time(
      'network',
      'actorActivity({limit: 50})',
      async () => (await store.actorActivity({ limit: 50 })).length,
    );
    await time(
      'networkYear',
      `actorActivity({${year}, limit: 50})`,
      async () =>
        (await store.actorActivity({ from: `${year}-01-01`, to: `${year}-12-31`, limit: 50 })).length,
    );
    await time('eventsActor', `events({actor: ${actor}}, 100)`, async () => {
      return (await store.events({ actor: { keys: [actor] } }, 100)).length;
    });
    if (typeof store.dyadTotals === 'function') {
      const totals = store.dyadTotals.bind(store);
      await time('networkEdges', 'dyadTotals()', async () => (await totals()).length);
      await time(
        'networkEdgesYear',
        `dyadTotals(${year})`,
        async () => (await totals({ from: `${year}-01-01`, to: `${year}-12-31` })).length,
      );
    }
  } finally {
    await store.close();
  }
  return out;
}

/** The dashboard's API requests on the store at `path`, or null when the server is not built. */
async function runApi(
  api: StoreApi,
  path: string,
  coded: CodedArticle[],
  runs: number,
): Promise<{ events: number; requests: ApiFigures } | null> {
  const buildServer = await findBuildServer();
  if (!buildServer) return null;
  const store = await api.openStore(path, { mustExist: true });
  try {
    const { events } = await store.counts();
    return {
      events,
      requests: await runApiBench(buildServer, store, dashboardRequests(busiest(coded)), runs),
    };
  } finally {
    await store.close();
  }
}

// ---- All store figures ----

export interface StoreOptions {
  articles: Article[];
  warmup: Article[];
  coded: CodedArticle[];
  dictionary: CompiledDictionary;
  /** Thread counts to ingest with; default 1 and all cores. */
  workers?: number[];
  /** Events the query store must hold (default 1,000,000). */
  queryEvents: number;
  /** The query store: reused when it holds enough events, else built or topped up. */
  queryDb: string;
  queryRuns: number;
  /** Also time the HTTP API on the query store and on a smaller one of `apiSmallEvents`. */
  api: boolean;
  apiSmallEvents: number;
  /** The smaller store, kept and reused like the query store. */
  apiSmallDb: string;
  log: (line: string) => void;
}

export interface StoreFigures {
  available: true;
  ingest: IngestFigures[];
  /** Articles/s with all threads over articles/s with one. */
  ingestScaling: number;
  queryStore: QueryStoreFigures;
  queries: QueryFigures;
  /** API latency per store size (the dashboard must be fast at 100k events; queries at 1M). */
  api: { events: number; requests: ApiFigures }[];
}

export async function runStoreBench(api: StoreApi, o: StoreOptions): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const all = availableParallelism();
    const counts = o.workers ?? [...new Set([1, all])];
    const ingest: IngestFigures[] = [];
    for (const w of counts) {
      o.log(`ingest: ${o.articles.length} articles on ${w} coding thread(s)…`);
      ingest.push(await ingestOnce(api, dir, o.articles, o.warmup, w));
    }
    const one = ingest.find((f) => f.workers === 1);
    const most = ingest.reduce((m, f) => (f.workers > m.workers ? f : m), ingest[0] as IngestFigures);
    const path = o.queryDb;
    o.log(`query store: ${o.queryEvents.toLocaleString('en-US')} events at ${path}…`);
    const queryStore = await buildQueryStore(
      api,
      path,
      o.articles,
      o.coded,
      o.dictionary,
      o.queryEvents,
      o.log,
    );
    o.log(`queries: ${o.queryRuns} runs each…`);
    const queries = await runQueries(api, path, o.coded, o.queryRuns);
    const apiFigures: StoreFigures['api'] = [];
    if (o.api) {
      // A smaller store only when it is smaller: a small query store is timed as it is.
      const small = o.apiSmallEvents < o.queryEvents;
      if (small) {
        o.log(`API: ${o.apiSmallEvents.toLocaleString('en-US')} events at ${o.apiSmallDb}…`);
        await buildQueryStore(api, o.apiSmallDb, o.articles, o.coded, o.dictionary, o.apiSmallEvents, o.log);
      }
      for (const db of small ? [o.apiSmallDb, path] : [path]) {
        o.log(`API requests on ${db}…`);
        const figures = await runApi(api, db, o.coded, o.queryRuns);
        if (figures) apiFigures.push(figures);
      }
    }
    return {
      available: true,
      ingest,
      ingestScaling: one && one.articlesPerSec > 0 ? round(most.articlesPerSec / one.articlesPerSec, 2) : 0,
      queryStore,
      queries,
      api: apiFigures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
