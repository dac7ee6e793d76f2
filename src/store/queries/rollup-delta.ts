/**
 * What a batch of saves changes in the rollup tables, summed in memory first: an article's old
 * coding counts -1, its new coding +1, so that a re-coded or updated article moves its events from
 * one rollup row to another and the rows always equal a recount of `events` and `actor_mentions`.
 */
import type { ActorDaysTable, DyadDaysTable } from '../schema.js';

/** The event columns a rollup depends on, as stored or as coded. */
export interface RollupEvent {
  date: string;
  sourceKey: string;
  targetKey: string | null;
  quad: number;
  goldstein: number;
  negated: boolean;
}

type DyadDelta = Omit<DyadDaysTable, 'events' | 'goldstein_sum'> & { events: number; goldstein: number };

export class RollupDelta {
  readonly dyads = new Map<string, DyadDelta>();
  readonly actors = new Map<string, ActorDaysTable>();

  /** Adds (sign 1) or removes (sign -1) one article's events. Negated events are in no rollup. */
  addEvents(events: Iterable<RollupEvent>, sign: 1 | -1): void {
    for (const e of events) {
      if (e.negated) continue;
      const target = e.targetKey ?? '';
      const key = `${e.date}\u0000${e.sourceKey}\u0000${target}\u0000${e.quad}`;
      let d = this.dyads.get(key);
      if (!d) {
        d = {
          day: e.date,
          source_key: e.sourceKey,
          target_key: target,
          quad: e.quad,
          events: 0,
          goldstein: 0,
        };
        this.dyads.set(key, d);
      }
      d.events += sign;
      d.goldstein += sign * e.goldstein;
      this.actor(e.date, e.sourceKey).as_source += sign;
      if (e.targetKey !== null) this.actor(e.date, e.targetKey).as_target += sign;
    }
  }

  /** Adds or removes one article's actor mentions, dated by its publication. */
  addMentions(published: string, mentions: Iterable<{ key: string; mentions: number }>, sign: 1 | -1): void {
    for (const m of mentions) {
      const a = this.actor(published, m.key);
      a.articles += sign;
      a.mentions += sign * m.mentions;
    }
  }

  private actor(day: string, key: string): ActorDaysTable {
    const id = `${day}\u0000${key}`;
    let a = this.actors.get(id);
    if (!a) {
      a = { day, actor_key: key, as_source: 0, as_target: 0, articles: 0, mentions: 0 };
      this.actors.set(id, a);
    }
    return a;
  }
}
