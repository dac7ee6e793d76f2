/** Articles: state for idempotence, the article view, re-code batches, whole-store iteration. */
import type { Kysely } from 'kysely';
import { articleFromRow } from '../rows/article-row.js';
import { eventFromRow } from '../rows/event-row.js';
import type { ArticlesTable, Database, EventsTable, StatementsTable } from '../schema.js';
import type { ArticleState, ArticleView, DateRange, StoreCounts, StoredArticle } from '../store.js';
import { withAbout } from './statements.js';

export async function articleState(db: Kysely<Database>, id: string): Promise<ArticleState | null> {
  const r = await db
    .selectFrom('articles')
    .select(['id', 'content_hash', 'coder_version'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, contentHash: r.content_hash, coderVersion: r.coder_version } : null;
}

export async function articleWithContent(db: Kysely<Database>, hash: string): Promise<string | null> {
  const r = await db.selectFrom('articles').select('id').where('content_hash', '=', hash).executeTakeFirst();
  return r?.id ?? null;
}

export async function articlesCodedOtherwise(
  db: Kysely<Database>,
  version: string,
  afterId: string | null,
  limit: number,
): Promise<StoredArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('coder_version', '<>', version)
    .$if(afterId !== null, (q) => q.where('id', '>', afterId!))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => articleFromRow(r as ArticlesTable));
}

export async function countCodedOtherwise(db: Kysely<Database>, version: string): Promise<number> {
  const r = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('coder_version', '<>', version)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function counts(db: Kysely<Database>): Promise<StoreCounts> {
  const count = async (table: 'articles' | 'events' | 'statements') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    articles: await count('articles'),
    events: await count('events'),
    statements: await count('statements'),
  };
}

async function viewsOf(db: Kysely<Database>, articles: ArticlesTable[]): Promise<ArticleView[]> {
  if (articles.length === 0) return [];
  const ids = articles.map((a) => a.id);
  const events = (await db
    .selectFrom('events')
    .selectAll()
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('seq')
    .execute()) as EventsTable[];
  const statementRows = (await db
    .selectFrom('statements')
    .selectAll()
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('seq')
    .execute()) as StatementsTable[];
  const statements = await withAbout(db, statementRows);
  const actors = await db
    .selectFrom('actor_mentions')
    .selectAll()
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('mentions', 'desc')
    .orderBy('key')
    .execute();
  const views = new Map<string, ArticleView>(
    articles.map((a) => [a.id, { article: articleFromRow(a), events: [], statements: [], actors: [] }]),
  );
  for (const e of events) {
    const view = views.get(e.article_id);
    view?.events.push(eventFromRow({ ...e, published: view.article.published, url: view.article.url }));
  }
  for (const s of statements) views.get(s.articleId)?.statements.push(s);
  for (const a of actors) {
    views.get(a.article_id)?.actors.push({ key: a.key, name: a.name, code: a.code, mentions: a.mentions });
  }
  return [...views.values()];
}

export async function articleView(db: Kysely<Database>, id: string): Promise<ArticleView | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return (await viewsOf(db, [row as ArticlesTable]))[0] ?? null;
}

const ARTICLES_PER_PAGE = 200;

export async function* eachArticle(db: Kysely<Database>, range: DateRange = {}): AsyncGenerator<ArticleView> {
  let after: string | null = null;
  for (;;) {
    const from = after;
    const rows = (await db
      .selectFrom('articles')
      .selectAll()
      .$if(from !== null, (q) => q.where('id', '>', from!))
      .$if(!!range.from, (q) => q.where('published', '>=', range.from!))
      .$if(!!range.to, (q) => q.where('published', '<=', range.to!))
      .orderBy('id')
      .limit(ARTICLES_PER_PAGE)
      .execute()) as ArticlesTable[];
    yield* await viewsOf(db, rows);
    const last = rows[rows.length - 1];
    if (!last || rows.length < ARTICLES_PER_PAGE) return;
    after = last.id;
  }
}
