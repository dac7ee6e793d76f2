/**
 * The ingest engine shared by `ingest` and `recode`: articles go to the coding pool a window at a
 * time and come back to the main thread, which alone writes, in input order. Writing in order
 * makes a run deterministic (the first of two identical articles is the one kept) and makes a
 * killed run's rerun end exactly where an unbroken run would.
 *
 * Coded articles are committed in batches (up to BATCH_ARTICLES, or whatever is ready after
 * BATCH_WAIT_MS): one transaction per batch writes each page of the tables and indexes once
 * instead of once per article, which is most of the cost of a save. A kill loses only the batch not
 * yet committed, which the rerun codes again; every committed article is whole.
 */
import type { Article } from '../coder/types.js';
import type { ArticleToSave, SaveOutcome, Store } from '../store/store.js';
import type { CodeResult } from './code-worker.js';
import type { CoderPool } from './coder-pool.js';
import { countOutcome, countSkip, newSummary, type RunSummary } from './summary.js';

export interface CodingTask {
  article: Article;
  where: string;
  contentHash: string;
}

export type PipelineItem =
  { task: CodingTask } | { skip: { where: string; reason: string; message: string } };

/** What is known before coding: nothing to do, a duplicate, or "code it". */
export type Precheck = { status: 'unchanged' } | { status: 'duplicate'; of: string } | null;

export interface PipelineOptions {
  store: Store;
  pool: CoderPool;
  /** Keep articles the coder could not code (not English…): `recode` must not drop stored ones. */
  keepUncoded: boolean;
  /** Decides from the store alone whether an article needs coding. */
  precheck?: (task: CodingTask) => Promise<Precheck>;
  /** Articles in flight. Enough per thread that the threads keep coding while the main thread
   * commits a batch (tens of milliseconds): with only a few each they sat idle through every commit. */
  window?: number;
  signal?: AbortSignal;
  onProblem?: (where: string, message: string) => void;
  onProgress?: (summary: RunSummary) => void;
}

type Settled = { ok: CodeResult } | { error: Error };

const BATCH_ARTICLES = 64;
/** A batch waiting longer than this for coders is committed as it is (progress stays current). */
const BATCH_WAIT_MS = 250;

interface Ready {
  task: CodingTask;
  input: ArticleToSave;
}

interface InFlight {
  task: CodingTask;
  /** Undefined for a presumed duplicate: it is coded only if the check at write time disagrees. */
  result?: Promise<Settled>;
}

const settle = (p: Promise<CodeResult>): Promise<Settled> =>
  p.then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
  );

/** Errors of the database itself (disk full, I/O, locked): every later write would fail too. */
const isDatabaseError = (e: Error) =>
  /^SQLITE_(FULL|IOERR|CORRUPT|NOTADB|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|PERM)/.test(
    (e as { code?: string }).code ?? '',
  );

export async function runPipeline(
  items: AsyncIterable<PipelineItem>,
  o: PipelineOptions,
): Promise<RunSummary> {
  const started = performance.now();
  const summary = newSummary();
  const window = o.window ?? o.pool.size * 16;
  const queue: InFlight[] = [];
  // Ids and contents still in flight: the store cannot speak for them until they are written.
  const pendingIds = new Map<string, number>();
  const pendingHashes = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number) => {
    const v = (m.get(k) ?? 0) + d;
    if (v) m.set(k, v);
    else m.delete(k);
  };
  const progress = () => o.onProgress?.(summary);

  const skip = (where: string, reason: string, message: string) => {
    countSkip(summary, reason);
    o.onProblem?.(where, message);
  };

  let batch: Ready[] = [];
  let batchStarted = 0;
  const release = (task: CodingTask) => {
    bump(pendingIds, task.article.id, -1);
    bump(pendingHashes, task.contentHash, -1);
  };

  function counted(ready: Ready, outcome: SaveOutcome): void {
    if (outcome.status === 'duplicate')
      o.onProblem?.(ready.task.where, `same content as article ${outcome.of}: skipped`);
    countOutcome(summary, outcome, ready.input.coded.events.length, ready.input.coded.statements.length);
  }

  /** Saves one article alone; a failure that is not the database's own fails this article only. */
  async function saveAlone(ready: Ready): Promise<void> {
    try {
      counted(ready, await o.store.save(ready.input));
    } catch (e) {
      if (isDatabaseError(e as Error)) throw e;
      summary.failed++;
      o.onProblem?.(ready.task.where, `could not be stored: ${(e as Error).message}`);
    }
  }

  async function flush(): Promise<void> {
    const saving = batch;
    batch = [];
    if (saving.length === 0) return;
    let outcomes: SaveOutcome[] | null = null;
    try {
      outcomes = await o.store.saveBatch(saving.map((r) => r.input));
    } catch (e) {
      if (isDatabaseError(e as Error)) throw e;
      // The batch was rolled back: save its articles one by one to find the one that fails.
    }
    if (outcomes) saving.forEach((r, i) => counted(r, outcomes[i] as SaveOutcome));
    else for (const r of saving) await saveAlone(r);
    for (const r of saving) release(r.task);
    progress();
  }

  /** Codes (if need be) and checks the oldest article, and adds it to the batch to be saved. */
  async function take(entry: InFlight): Promise<void> {
    const { task } = entry;
    if (!entry.result) {
      // Its twin may still be in the batch: the store can only answer once that is committed.
      await flush();
      const twin = await o.store.articleWithContent(task.contentHash);
      if (twin !== null && twin !== task.article.id) {
        release(task);
        skip(task.where, 'duplicate content', `same content as article ${twin}: skipped`);
        return;
      }
    }
    const settled = await (entry.result ?? settle(o.pool.code(task.article)));
    if ('error' in settled) {
      release(task);
      summary.failed++;
      o.onProblem?.(task.where, `coding failed: ${settled.error.message}`);
      return;
    }
    const { coded, actorNames } = settled.ok;
    if (!o.keepUncoded && coded.sentences === 0 && coded.warnings.length) {
      release(task);
      skip(task.where, 'not coded', coded.warnings.join('; '));
      return;
    }
    const input: ArticleToSave = {
      article: task.article,
      coded,
      contentHash: task.contentHash,
      origin: task.where,
      actorNames,
    };
    if (batch.length === 0) batchStarted = performance.now();
    batch.push({ task, input });
    if (batch.length >= BATCH_ARTICLES || performance.now() - batchStarted >= BATCH_WAIT_MS) await flush();
  }

  async function writeOldest(): Promise<void> {
    const entry = queue.shift();
    if (entry) await take(entry);
    progress();
  }

  for await (const item of items) {
    if (o.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    if ('skip' in item) {
      skip(item.skip.where, item.skip.reason, item.skip.message);
      progress();
      continue;
    }
    const { task } = item;
    const clear = !pendingIds.has(task.article.id) && !pendingHashes.has(task.contentHash);
    const known = clear && o.precheck ? await o.precheck(task) : null;
    if (known?.status === 'unchanged') {
      summary.unchanged++;
      progress();
      continue;
    }
    if (known?.status === 'duplicate') {
      skip(task.where, 'duplicate content', `same content as article ${known.of}: skipped`);
      progress();
      continue;
    }
    const presumedDuplicate = pendingHashes.has(task.contentHash) && !pendingIds.has(task.article.id);
    bump(pendingIds, task.article.id, 1);
    bump(pendingHashes, task.contentHash, 1);
    queue.push({ task, ...(presumedDuplicate ? {} : { result: settle(o.pool.code(task.article)) }) });
    while (queue.length >= window) await writeOldest();
  }
  while (queue.length) await writeOldest();
  await flush();
  if (summary.new + summary.updated + summary.recoded > 0) await o.store.optimize();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
