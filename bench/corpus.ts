/**
 * The bench corpus: JSONL articles (optionally gzipped) streamed from where they lie, never copied
 * into the repository. Without a corpus the bundled sample is repeated, with distinct ids, up to
 * the limit.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Article } from '../src/coder/types.js';

export const DEFAULT_LIMIT = 2000;

/** The Reuters sample beside the checkout (../shared/corpora), when it is there. */
export function defaultCorpus(root: string): string {
  const reuters = join(root, '..', 'shared', 'corpora', 'reuters-2006-2013-sample.jsonl.gz');
  return existsSync(reuters) ? reuters : join(root, 'samples', 'corpus.jsonl');
}

export interface Corpus {
  path: string;
  articles: Article[];
  /** Times the file was read to reach the limit (more than 1 for the small bundled sample). */
  repeats: number;
  characters: number;
}

function asArticle(value: unknown): Article | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.text !== 'string' || typeof o.published !== 'string') return null;
  return {
    id: o.id,
    text: o.text,
    published: o.published.slice(0, 10),
    ...(typeof o.title === 'string' ? { title: o.title } : {}),
    ...(typeof o.url === 'string' ? { url: o.url } : {}),
  };
}

async function readOnce(path: string, limit: number): Promise<Article[]> {
  const raw: Readable = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const out: Article[] = [];
  try {
    for await (const line of lines) {
      if (out.length >= limit) break;
      if (!line.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue; // The bench measures speed; malformed lines are the readers' tests' business.
      }
      const a = asArticle(parsed);
      if (a && a.text.trim()) out.push(a);
    }
  } finally {
    lines.close();
    raw.destroy();
  }
  return out;
}

/** Reads up to `limit` articles, repeating the file (ids suffixed `#2`, `#3`…) if it is shorter. */
export async function loadCorpus(path: string, limit = DEFAULT_LIMIT): Promise<Corpus> {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  if (!(limit > 0)) throw new Error(`--limit must be a positive number of articles`);
  const once = await readOnce(path, limit);
  if (once.length === 0) throw new Error(`${path}: no articles (expected JSONL with id, text, published)`);
  const articles = [...once];
  let repeats = 1;
  while (articles.length < limit) {
    repeats++;
    for (const a of once) {
      if (articles.length >= limit) break;
      articles.push({ ...a, id: `${a.id}#${repeats}` });
    }
  }
  const characters = articles.reduce((n, a) => n + a.text.length, 0);
  return { path, articles, repeats, characters };
}
