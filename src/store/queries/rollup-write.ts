/** Writes a RollupDelta: one upsert per table and shape, then drops the rows that fell to zero. */
import type { Kysely } from 'kysely';
import type { ActorDaysTable, Database, DyadDaysTable } from '../schema.js';
import { insertRows } from './insert-chunks.js';
import type { RollupDelta } from './rollup-delta.js';

/** Keys in one order for every writer: concurrent upserts of shared rows then cannot deadlock. */
const sorted = <T>(m: Map<string, T>): T[] =>
  [...m.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v);

export async function applyRollupDelta(db: Kysely<Database>, delta: RollupDelta): Promise<void> {
  const dyads: DyadDaysTable[] = [];
  const emptiedDyads: DyadDaysTable[] = [];
  for (const d of sorted(delta.dyads)) {
    if (d.events === 0 && d.goldstein === 0) continue;
    const row = { day: d.day, source_key: d.source_key, target_key: d.target_key, quad: d.quad };
    dyads.push({ ...row, events: d.events, goldstein_sum: d.goldstein });
    if (d.events < 0) emptiedDyads.push({ ...row, events: 0, goldstein_sum: 0 });
  }
  await insertRows(db, 'dyad_days', dyads, {
    variant: 'add',
    clause: (q) =>
      q.onConflict((oc) =>
        oc.columns(['day', 'source_key', 'target_key', 'quad']).doUpdateSet((eb) => ({
          events: eb('dyad_days.events', '+', eb.ref('excluded.events')),
          goldstein_sum: eb('dyad_days.goldstein_sum', '+', eb.ref('excluded.goldstein_sum')),
        })),
      ),
  });
  // Only rows that lost events can have fallen to zero (re-coded or updated articles).
  for (const d of emptiedDyads) {
    await db
      .deleteFrom('dyad_days')
      .where('day', '=', d.day)
      .where('source_key', '=', d.source_key)
      .where('target_key', '=', d.target_key)
      .where('quad', '=', d.quad)
      .where('events', '<=', 0)
      .execute();
  }

  const actors: ActorDaysTable[] = [];
  const emptiedActors: ActorDaysTable[] = [];
  for (const a of sorted(delta.actors)) {
    if (!a.as_source && !a.as_target && !a.articles && !a.mentions) continue;
    actors.push(a);
    if (a.as_source < 0 || a.as_target < 0 || a.articles < 0 || a.mentions < 0) emptiedActors.push(a);
  }
  await insertRows(db, 'actor_days', actors, {
    variant: 'add',
    clause: (q) =>
      q.onConflict((oc) =>
        oc.columns(['day', 'actor_key']).doUpdateSet((eb) => ({
          as_source: eb('actor_days.as_source', '+', eb.ref('excluded.as_source')),
          as_target: eb('actor_days.as_target', '+', eb.ref('excluded.as_target')),
          articles: eb('actor_days.articles', '+', eb.ref('excluded.articles')),
          mentions: eb('actor_days.mentions', '+', eb.ref('excluded.mentions')),
        })),
      ),
  });
  for (const a of emptiedActors) {
    await db
      .deleteFrom('actor_days')
      .where('day', '=', a.day)
      .where('actor_key', '=', a.actor_key)
      .where('as_source', '=', 0)
      .where('as_target', '=', 0)
      .where('articles', '=', 0)
      .where('mentions', '=', 0)
      .execute();
  }
}
