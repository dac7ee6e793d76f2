/** Actor activity (events as source and target, articles and mentions) and actor lookup by name. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ActorActivity, ActorMatch, DateRange } from '../store.js';

const KEY_LIKE = /^[A-Z][A-Z0-9]{1,15}$/;

/** "RUS" and "rus" as keys when known; "Russia" via the actor's name; anything else as a name. */
export async function resolveActor(db: Kysely<Database>, reference: string): Promise<ActorMatch> {
  const ref = reference.trim();
  const upper = ref.toUpperCase();
  const byKey = await db.selectFrom('actors').select('key').where('key', '=', upper).executeTakeFirst();
  if (byKey || KEY_LIKE.test(ref)) return { keys: [upper] };
  const byName = await db
    .selectFrom('actors')
    .select('key')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', ref.toLowerCase()))
    .execute();
  if (byName.length) return { keys: byName.map((r) => r.key) };
  return { name: ref };
}

/**
 * Actors by activity over a period, from the `actor_days` rollup: events as source and target by
 * event date, articles and mentions by publication date.
 */
export async function actorActivity(
  db: Kysely<Database>,
  options: DateRange & { limit?: number } = {},
): Promise<ActorActivity[]> {
  const { from, to } = options;
  const rows = await db
    .selectFrom('actor_days')
    .select((eb) => [
      'actor_key',
      eb.fn.sum<number | string>('as_source').as('as_source'),
      eb.fn.sum<number | string>('as_target').as('as_target'),
      eb.fn.sum<number | string>('articles').as('articles'),
      eb.fn.sum<number | string>('mentions').as('mentions'),
    ])
    .$if(!!from, (q) => q.where('day', '>=', from!))
    .$if(!!to, (q) => q.where('day', '<=', to!))
    .groupBy('actor_key')
    .execute();
  const names = new Map(
    (await db.selectFrom('actors').select(['key', 'name']).execute()).map((r) => [r.key, r.name]),
  );
  const all: ActorActivity[] = [];
  for (const r of rows) {
    const asSource = Number(r.as_source);
    const asTarget = Number(r.as_target);
    const mentions = Number(r.mentions);
    all.push({
      key: r.actor_key,
      name: names.get(r.actor_key) ?? r.actor_key,
      asSource,
      asTarget,
      events: asSource + asTarget,
      articles: Number(r.articles),
      mentions,
    });
  }
  all.sort((x, y) => y.events - x.events || y.mentions - x.mentions || x.key.localeCompare(y.key));
  return options.limit ? all.slice(0, options.limit) : all;
}
