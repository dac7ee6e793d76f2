/** A pool of coding threads (piscina): the main thread reads and writes, the pool codes. */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Article } from '../coder/types.js';
import type { CodeResult, CodeTask, CodeWorkerData } from './code-worker.js';

export interface CoderPool {
  readonly size: number;
  /** The version of the coder the threads run, as recorded with each article. */
  version(): Promise<string>;
  code(article: Article): Promise<CodeResult>;
  close(): Promise<void>;
}

export interface CoderPoolOptions {
  /** Threads; all cores by default. */
  workers?: number;
  /** Extra dictionary files or directories. */
  dict?: string[];
}

export function defaultWorkers(): number {
  return availableParallelism();
}

export function createCoderPool(options: CoderPoolOptions = {}): CoderPool {
  const size = Math.max(1, options.workers ?? defaultWorkers());
  const workerData: CodeWorkerData = { dict: options.dict ?? [] };
  const pool = new Piscina<CodeTask, CodeResult | string>({
    filename: new URL('./code-worker.js', import.meta.url).href,
    minThreads: size,
    maxThreads: size,
    workerData,
  });
  return {
    size,
    version: async () => (await pool.run({ kind: 'version' })) as string,
    code: async (article) => (await pool.run({ kind: 'code', article })) as CodeResult,
    close: () => pool.destroy(),
  };
}
