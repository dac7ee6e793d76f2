/**
 * The body of the one transaction per article. It decides, from what is stored, whether the
 * article is new, changed, re-coded, a duplicate or unchanged, so that a save repeated after a
 * crash, or run twice, ends in the same rows.
 */
import type { Kysely } from 'kysely';
import { inLead, leadEnd } from '../lead.js';
import { articleToRow } from '../rows/article-row.js';
import { eventToRow } from '../rows/event-row.js';
import { aboutRows, statementToRow } from '../rows/statement-row.js';
import type { Database } from '../schema.js';
import type { ArticleToSave, SaveOutcome } from '../store.js';

/** Rows per INSERT: well under the bound-parameter limits of SQLite (32,766) and PostgreSQL. */
const ROWS_PER_INSERT = 100;

export async function saveArticle(db: Kysely<Database>, input: ArticleToSave): Promise<SaveOutcome> {
  const id = input.article.id;
  const existing = await db
    .selectFrom('articles')
    .select(['content_hash', 'coder_version'])
    .where('id', '=', id)
    .executeTakeFirst();
  const sameContent = existing?.content_hash === input.contentHash;
  if (sameContent && existing?.coder_version === input.coded.coderVersion) return { status: 'unchanged' };
  if (!sameContent) {
    const twin = await db
      .selectFrom('articles')
      .select('id')
      .where('content_hash', '=', input.contentHash)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (twin) return { status: 'duplicate', of: twin.id };
  }

  const row = articleToRow(input);
  if (existing) {
    await deleteCoding(db, id);
    await db.updateTable('articles').set(row).where('id', '=', id).execute();
  } else {
    await db.insertInto('articles').values(row).execute();
  }
  await insertCoding(db, input);
  return { status: existing ? (sameContent ? 'recoded' : 'updated') : 'new' };
}

async function deleteCoding(db: Kysely<Database>, articleId: string): Promise<void> {
  for (const table of ['events', 'statement_about', 'statements', 'actor_mentions'] as const) {
    await db.deleteFrom(table).where('article_id', '=', articleId).execute();
  }
}

async function insertCoding(db: Kysely<Database>, input: ArticleToSave): Promise<void> {
  const { article, coded } = input;
  const lead = leadEnd(article.text);
  await insertChunked(
    db,
    'events',
    coded.events.map((e, i) =>
      eventToRow(article.id, i, e, article.text, inLead(e.sentence, e.sentenceSpan[0], lead)),
    ),
  );
  await insertChunked(
    db,
    'statements',
    coded.statements.map((s, i) => statementToRow(article.id, i, s)),
  );
  await insertChunked(
    db,
    'statement_about',
    coded.statements.flatMap((s) => aboutRows(article.id, s)),
  );
  const mentions = new Map<string, Database['actor_mentions']>();
  for (const a of coded.actors) {
    const seen = mentions.get(a.key);
    if (seen) seen.mentions += a.mentions;
    else
      mentions.set(a.key, {
        article_id: article.id,
        key: a.key,
        code: a.code,
        name: a.name,
        mentions: a.mentions,
      });
  }
  await insertChunked(db, 'actor_mentions', [...mentions.values()]);
  const names = Object.entries(input.actorNames).map(([key, name]) => ({ key, name }));
  for (let i = 0; i < names.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('actors')
      .values(names.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}

async function insertChunked<T extends 'events' | 'statements' | 'statement_about' | 'actor_mentions'>(
  db: Kysely<Database>,
  table: T,
  rows: Database[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}
