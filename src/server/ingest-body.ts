/**
 * POST /api/ingest: a body of plain text, HTML, JSONL (or one JSON article) or an RSS/Atom feed
 * is read by the same readers as `parley ingest`, then coded and stored.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoderPool } from '../ingest/coder-pool.js';
import { looksLikeFeed } from '../ingest/feed.js';
import { ingest } from '../ingest/ingest.js';
import { decodeText, readFileArticles, type ReadItem } from '../ingest/read-articles.js';
import type { Store } from '../store/store.js';
import type { IngestedArticle, IngestResponse } from './api-types.js';
import { HttpError, badParameter } from './errors.js';

export type BodyFormat = 'auto' | 'text' | 'html' | 'jsonl';

export interface IngestRequest {
  body: Buffer;
  contentType: string | undefined;
  format: BodyFormat;
  date?: string;
  id?: string;
  title?: string;
}

const EXT: Record<Exclude<BodyFormat, 'auto'>, string> = { text: '.txt', html: '.html', jsonl: '.jsonl' };

/** Which reader a body needs: the format asked for, else its Content-Type, else its first bytes. */
export function bodyExtension(text: string, format: BodyFormat, contentType: string | undefined): string {
  if (format !== 'auto') return EXT[format];
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^application\/(x-)?(nd)?json(l|-seq)?$/.test(type) || type === 'application/jsonl') return '.jsonl';
  if (type === 'text/html' || type === 'application/xhtml+xml') return '.html';
  if (/^application\/(rss|atom)\+xml$/.test(type)) return '.xml';
  const head = text.trimStart();
  if (type !== 'text/plain') {
    if (head.startsWith('{')) return '.jsonl';
    if (looksLikeFeed(head.slice(0, 2048))) return '.xml';
    if (/^<(!doctype html|html|head|body)\b/i.test(head)) return '.html';
  }
  return '.txt';
}

const hashId = (bytes: Buffer) => `web-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;

/** JSON bodies may be one pretty-printed article rather than JSONL: put it on one line. */
function normaliseJson(text: string): string {
  const t = text.trim();
  if (!t.startsWith('{') || !t.includes('\n')) return text;
  try {
    return `${JSON.stringify(JSON.parse(t))}\n`;
  } catch {
    return text;
  }
}

async function readBody(req: IngestRequest): Promise<ReadItem[]> {
  const decoded = decodeText(req.body);
  if ('error' in decoded) throw badParameter('body', decoded.error);
  if (decoded.text.trim() === '') throw badParameter('body', 'empty: no text to ingest');
  const ext = bodyExtension(decoded.text, req.format, req.contentType);
  const text = ext === '.jsonl' ? normaliseJson(decoded.text) : decoded.text;
  const id = req.id ?? hashId(req.body);
  const dir = await mkdtemp(join(tmpdir(), 'parley-post-'));
  try {
    const file = join(dir, `body${ext}`);
    await writeFile(file, text, 'utf8');
    const items: ReadItem[] = [];
    for await (const item of readFileArticles(file, req.date ? { date: req.date } : {}, id)) {
      if ('problem' in item) {
        items.push({ problem: { ...item.problem, where: item.problem.where.replace(file, 'body') } });
      } else {
        const article =
          req.title && !item.article.title ? { ...item.article, title: req.title } : item.article;
        items.push({ article, where: item.where.replace(file, 'body') });
      }
    }
    return items;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function* each<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

export async function ingestBody(store: Store, pool: CoderPool, req: IngestRequest): Promise<IngestResponse> {
  const items = await readBody(req);
  const problems = items.flatMap((i) => ('problem' in i ? [i.problem] : []));
  const ids = [...new Set(items.flatMap((i) => ('article' in i ? [i.article.id] : [])))];
  if (ids.length === 0) {
    const first = problems[0];
    throw new HttpError(
      400,
      `body: ${first ? `${first.where}: ${first.message}` : 'no article found'}`,
      'body',
    );
  }
  const summary = await ingest(store, pool, each(items));
  const articles: IngestedArticle[] = [];
  for (const id of ids) {
    const view = await store.article(id);
    if (!view) continue;
    articles.push({
      id,
      title: view.article.title,
      published: view.article.published,
      events: view.events.length,
      statements: view.statements.length,
    });
  }
  return { summary, articles, problems };
}
