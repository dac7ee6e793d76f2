/** `recode`: code again the stored articles whose coder version is not the current one. */
import type { Store, StoredArticle } from '../store/store.js';
import type { CoderPool } from './coder-pool.js';
import { runPipeline, type PipelineItem, type PipelineOptions } from './pipeline.js';
import type { RunSummary } from './summary.js';

const BATCH = 200;

async function* outdated(store: Store, version: string): AsyncGenerator<PipelineItem> {
  let after: string | null = null;
  for (;;) {
    const batch: StoredArticle[] = await store.articlesCodedOtherwise(version, after, BATCH);
    for (const a of batch) {
      yield {
        task: {
          article: {
            id: a.id,
            text: a.text,
            published: a.published,
            ...(a.title ? { title: a.title } : {}),
            ...(a.url ? { url: a.url } : {}),
          },
          where: a.origin ?? `article ${a.id}`,
          contentHash: a.contentHash,
        },
      };
    }
    const last = batch[batch.length - 1];
    if (!last) return;
    after = last.id;
  }
}

export async function recode(
  store: Store,
  pool: CoderPool,
  options: Omit<PipelineOptions, 'keepUncoded' | 'precheck' | 'store' | 'pool'> = {},
): Promise<{ version: string; outdated: number; summary: RunSummary }> {
  const version = await pool.version();
  const count = await store.countCodedOtherwise(version);
  const summary = await runPipeline(outdated(store, version), { ...options, store, pool, keepUncoded: true });
  return { version, outdated: count, summary };
}
