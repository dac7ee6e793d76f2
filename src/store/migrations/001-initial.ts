/**
 * The first schema. Written with Kysely's schema builder in types both SQLite and PostgreSQL
 * accept; every statement is `if not exists` because SQLite cannot run DDL in a migration
 * transaction here, so a migration cut short by a kill must be safe to run again.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

type Builder = CreateTableBuilder<string, never>;

function actorColumns(t: Builder, prefix: string, required: boolean): Builder {
  const req = (c: { notNull(): unknown }) => (required ? c.notNull() : c) as never;
  return t
    .addColumn(`${prefix}text`, 'text', req)
    .addColumn(`${prefix}name`, 'text', req)
    .addColumn(`${prefix}key`, 'text', req)
    .addColumn(`${prefix}code`, 'text', req)
    .addColumn(`${prefix}country`, 'text')
    .addColumn(`${prefix}org`, 'text')
    .addColumn(`${prefix}sector`, 'text')
    .addColumn(`${prefix}person`, 'text')
    .addColumn(`${prefix}start`, 'integer', req)
    .addColumn(`${prefix}end`, 'integer', req);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('articles')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('coder_version', 'text', (c) => c.notNull())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('origin', 'text')
    .addColumn('tone', 'double precision', (c) => c.notNull())
    .addColumn('sentences', 'integer', (c) => c.notNull())
    .addColumn('dateline', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('statement_count', 'integer', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();

  let events = db.schema
    .createTable('events')
    .ifNotExists()
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sentence', 'integer', (c) => c.notNull())
    .addColumn('sentence_start', 'integer', (c) => c.notNull())
    .addColumn('sentence_end', 'integer', (c) => c.notNull())
    .addColumn('sentence_text', 'text', (c) => c.notNull())
    .addColumn('lead', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('date_from_published', 'integer', (c) => c.notNull());
  events = actorColumns(events, 'source_', true);
  events = actorColumns(events, 'target_', false);
  await events
    .addColumn('action_text', 'text', (c) => c.notNull())
    .addColumn('action_lemma', 'text', (c) => c.notNull())
    .addColumn('action_start', 'integer', (c) => c.notNull())
    .addColumn('action_end', 'integer', (c) => c.notNull())
    .addColumn('cameo', 'text', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('quad', 'integer', (c) => c.notNull())
    .addColumn('goldstein', 'double precision', (c) => c.notNull())
    .addColumn('plover_type', 'text')
    .addColumn('plover_mode', 'text')
    .addColumn('negated', 'integer', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('place_country', 'text')
    .addColumn('place_lat', 'double precision')
    .addColumn('place_lon', 'double precision')
    .addColumn('place_start', 'integer')
    .addColumn('place_end', 'integer')
    .addColumn('tone', 'double precision', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text')
    .addPrimaryKeyConstraint('events_pk', ['article_id', 'id'] as never)
    .execute();

  let statements = db.schema
    .createTable('statements')
    .ifNotExists()
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sentence', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tone', 'double precision', (c) => c.notNull());
  statements = actorColumns(statements, 'speaker_', false);
  await statements
    .addColumn('cue_text', 'text', (c) => c.notNull())
    .addColumn('cue_start', 'integer', (c) => c.notNull())
    .addColumn('cue_end', 'integer', (c) => c.notNull())
    .addColumn('content_text', 'text', (c) => c.notNull())
    .addColumn('content_start', 'integer', (c) => c.notNull())
    .addColumn('content_end', 'integer', (c) => c.notNull())
    .addColumn('event_ids', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statements_pk', ['article_id', 'id'] as never)
    .execute();

  await db.schema
    .createTable('statement_about')
    .ifNotExists()
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_about_pk', ['article_id', 'statement_id', 'key'] as never)
    .execute();

  await db.schema
    .createTable('actor_mentions')
    .ifNotExists()
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('actor_mentions_pk', ['article_id', 'key'] as never)
    .execute();

  await db.schema
    .createTable('actors')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  const indexes: [name: string, table: string, columns: string[]][] = [
    ['articles_content_hash', 'articles', ['content_hash']],
    ['articles_published', 'articles', ['published']],
    ['articles_coder_version', 'articles', ['coder_version']],
    // Source-first and target-first: actor lookups use the prefix, dyads the whole triple.
    ['events_source_target_date', 'events', ['source_key', 'target_key', 'date']],
    ['events_target_source_date', 'events', ['target_key', 'source_key', 'date']],
    ['events_date', 'events', ['date']],
    ['events_cameo', 'events', ['cameo']],
    ['events_root', 'events', ['root']],
    ['events_quad_date', 'events', ['quad', 'date']],
    ['events_place_country', 'events', ['place_country']],
    ['events_place_name', 'events', ['place_name']],
    ['statements_speaker_key', 'statements', ['speaker_key']],
    ['statement_about_key', 'statement_about', ['key']],
    ['actor_mentions_key', 'actor_mentions', ['key']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['statement_about', 'actor_mentions', 'statements', 'events', 'actors', 'articles']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
