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

export async function actorActivity(
  db: Kysely<Database>,
  options: DateRange & { limit?: number } = {},
): Promise<ActorActivity[]> {
  const { from, to } = options;
  const asSource = await db
    .selectFrom('events')
    .select((eb) => ['source_key as key', eb.fn.countAll<number | string>().as('n')])
    .where('negated', '=', 0)
    .$if(!!from, (q) => q.where('date', '>=', from!))
    .$if(!!to, (q) => q.where('date', '<=', to!))
    .groupBy('source_key')
    .execute();
  const asTarget = await db
    .selectFrom('events')
    .select((eb) => ['target_key as key', eb.fn.countAll<number | string>().as('n')])
    .where('negated', '=', 0)
    .where('target_key', 'is not', null)
    .$if(!!from, (q) => q.where('date', '>=', from!))
    .$if(!!to, (q) => q.where('date', '<=', to!))
    .groupBy('target_key')
    .execute();
  const mentions = await db
    .selectFrom('actor_mentions')
    .innerJoin('articles', 'articles.id', 'actor_mentions.article_id')
    .select((eb) => [
      'actor_mentions.key as key',
      eb.fn.count<number | string>('actor_mentions.article_id').as('articles'),
      eb.fn.sum<number | string>('actor_mentions.mentions').as('mentions'),
    ])
    .$if(!!from, (q) => q.where('articles.published', '>=', from!))
    .$if(!!to, (q) => q.where('articles.published', '<=', to!))
    .groupBy('actor_mentions.key')
    .execute();
  const names = new Map(
    (await db.selectFrom('actors').select(['key', 'name']).execute()).map((r) => [r.key, r.name]),
  );

  const byKey = new Map<string, ActorActivity>();
  const entry = (key: string) => {
    let e = byKey.get(key);
    if (!e) {
      e = { key, name: names.get(key) ?? key, asSource: 0, asTarget: 0, events: 0, articles: 0, mentions: 0 };
      byKey.set(key, e);
    }
    return e;
  };
  for (const r of asSource) entry(r.key).asSource = Number(r.n);
  for (const r of asTarget) if (r.key) entry(r.key).asTarget = Number(r.n);
  for (const r of mentions) {
    const e = entry(r.key);
    e.articles = Number(r.articles);
    e.mentions = Number(r.mentions);
  }
  const all = [...byKey.values()];
  for (const e of all) e.events = e.asSource + e.asTarget;
  all.sort((x, y) => y.events - x.events || y.mentions - x.mentions || x.key.localeCompare(y.key));
  return options.limit ? all.slice(0, options.limit) : all;
}
