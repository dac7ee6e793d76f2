/**
 * Events by place in date order. The place filter matches a place name (case-insensitively) or a
 * country key; the single-column indexes of 001 could serve neither `lower(place_name)` nor a page
 * in date order, so a place with no events scanned the whole table. Portable DDL: both SQLite and
 * PostgreSQL index expressions.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_by_place_country')
    .ifNotExists()
    .on('events')
    .columns(['place_country', 'date', 'article_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('events_by_place_name')
    .ifNotExists()
    .on('events')
    .expression(
      sql`lower(${sql.ref('place_name')}), ${sql.join(['date', 'article_id', 'seq'].map((c) => sql.ref(c)))}`,
    )
    .execute();
  for (const name of ['events_place_country', 'events_place_name']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_by_place_country').ifExists().execute();
  await db.schema.dropIndex('events_by_place_name').ifExists().execute();
  await db.schema
    .createIndex('events_place_country')
    .ifNotExists()
    .on('events')
    .column('place_country')
    .execute();
  await db.schema.createIndex('events_place_name').ifNotExists().on('events').column('place_name').execute();
}
