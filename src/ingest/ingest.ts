/** `ingest`: read articles, skip what the store already has, code the rest, store each. */
import { contentHash } from '../store/content-hash.js';
import type { Store } from '../store/store.js';
import type { CoderPool } from './coder-pool.js';
import { runPipeline, type PipelineItem, type PipelineOptions, type Precheck } from './pipeline.js';
import type { ReadItem } from './read-articles.js';
import type { RunSummary } from './summary.js';

export type IngestOptions = Omit<PipelineOptions, 'keepUncoded' | 'precheck' | 'store' | 'pool'>;

async function* toPipeline(items: AsyncIterable<ReadItem>): AsyncGenerator<PipelineItem> {
  for await (const item of items) {
    if ('problem' in item) {
      const { where, message, reason } = item.problem;
      yield { skip: { where, reason: reason ?? 'invalid', message } };
    } else {
      yield { task: { article: item.article, where: item.where, contentHash: contentHash(item.article) } };
    }
  }
}

export async function ingest(
  store: Store,
  pool: CoderPool,
  items: AsyncIterable<ReadItem>,
  options: IngestOptions = {},
): Promise<RunSummary> {
  const precheck = async (task: { article: { id: string }; contentHash: string }): Promise<Precheck> => {
    const state = await store.articleState(task.article.id);
    // Same content under the same id: nothing to do, whatever coder coded it (`recode` is for that).
    if (state?.contentHash === task.contentHash) return { status: 'unchanged' };
    const twin = await store.articleWithContent(task.contentHash);
    return twin !== null && twin !== task.article.id ? { status: 'duplicate', of: twin } : null;
  };
  return runPipeline(toPipeline(items), { ...options, store, pool, keepUncoded: false, precheck });
}
