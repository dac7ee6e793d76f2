/**
 * Rollups and date-ordered indexes, so that queries at a million events read few rows:
 *
 * - `dyad_days` and `actor_days` (see schema.ts) are filled here from the stored events and
 *   mentions, then kept exact by every save;
 * - `events_by_source`, `events_by_target` and `events_by_dyad` walk an actor's or a pair's events
 *   in (date, article, position) order, and carry the columns that filters test, so a page of
 *   events stops after its last row instead of sorting every match;
 * - indexes that these replace, or that no query can use (quad class: four values; root; cameo,
 *   which is only matched with LIKE), are dropped: each costs every insert.
 *
 * Portable DDL and SQL only (PostgreSQL shares this file). Safe to run again after a kill: SQLite
 * runs it outside a transaction, so every step is `if (not) exists` and the backfill starts by
 * emptying the rollups.
 */
import { sql, type Kysely } from 'kysely';

const KEYSET = ['date', 'article_id', 'seq'];
/** Columns the event filters test, so that a page is found in the index alone. */
const FILTERED = ['root', 'quad', 'negated', 'cameo'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dyad_days')
    .ifNotExists()
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('quad', 'integer', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('goldstein_sum', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('dyad_days_pk', ['day', 'source_key', 'target_key', 'quad'] as never)
    .execute();
  await db.schema
    .createTable('actor_days')
    .ifNotExists()
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('actor_key', 'text', (c) => c.notNull())
    .addColumn('as_source', 'integer', (c) => c.notNull())
    .addColumn('as_target', 'integer', (c) => c.notNull())
    .addColumn('articles', 'integer', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('actor_days_pk', ['day', 'actor_key'] as never)
    .execute();

  const indexes: [name: string, table: string, columns: string[]][] = [
    // A dyad's series reads its rows without touching the table.
    ['dyad_days_pair', 'dyad_days', ['source_key', 'target_key', 'day', 'quad', 'events', 'goldstein_sum']],
    ['events_by_source', 'events', ['source_key', ...KEYSET, ...FILTERED, 'target_key']],
    ['events_by_target', 'events', ['target_key', ...KEYSET, ...FILTERED, 'source_key']],
    ['events_by_dyad', 'events', ['source_key', 'target_key', ...KEYSET, ...FILTERED]],
    ['events_by_date', 'events', [...KEYSET, ...FILTERED]],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  }
  for (const name of [
    'events_source_target_date',
    'events_target_source_date',
    'events_date',
    'events_cameo',
    'events_root',
    'events_quad_date',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }

  await sql`delete from dyad_days`.execute(db);
  await sql`
    insert into dyad_days (day, source_key, target_key, quad, events, goldstein_sum)
    select date, source_key, coalesce(target_key, ''), quad, count(*), sum(goldstein)
    from events where negated = 0
    group by date, source_key, coalesce(target_key, ''), quad`.execute(db);
  await sql`delete from actor_days`.execute(db);
  await sql`
    insert into actor_days (day, actor_key, as_source, as_target, articles, mentions)
    select day, actor_key, sum(as_source), sum(as_target), sum(articles), sum(mentions) from (
      select date as day, source_key as actor_key, 1 as as_source, 0 as as_target, 0 as articles,
             0 as mentions
      from events where negated = 0
      union all
      select date, target_key, 0, 1, 0, 0 from events where negated = 0 and target_key is not null
      union all
      select a.published, m.key, 0, 0, 1, m.mentions
      from actor_mentions m inner join articles a on a.id = m.article_id
    ) parts
    group by day, actor_key`.execute(db);
  // Statistics for the planner, which otherwise picks low-selectivity indexes at scale.
  await sql`analyze`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['events_by_source', 'events_by_target', 'events_by_dyad', 'events_by_date']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.dropTable('actor_days').ifExists().execute();
  await db.schema.dropTable('dyad_days').ifExists().execute();
  const restored: [string, string[]][] = [
    ['events_source_target_date', ['source_key', 'target_key', 'date']],
    ['events_target_source_date', ['target_key', 'source_key', 'date']],
    ['events_date', ['date']],
    ['events_cameo', ['cameo']],
    ['events_root', ['root']],
    ['events_quad_date', ['quad', 'date']],
  ];
  for (const [name, columns] of restored) {
    await db.schema.createIndex(name).ifNotExists().on('events').columns(columns).execute();
  }
}
