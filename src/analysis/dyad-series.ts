/**
 * The relations between two actors over time: per period, how many events, the Goldstein sum
 * and mean (cooperation > 0 > conflict), and counts per quad class (1 verbal cooperation,
 * 2 material cooperation, 3 verbal conflict, 4 material conflict).
 */
import type { DyadDay } from '../store/store.js';
import { periodOf, type Period } from './periods.js';

export interface DyadPeriod {
  period: string;
  count: number;
  goldsteinSum: number;
  goldsteinMean: number;
  /** Events per quad class, index 0 = class 1. */
  quads: [number, number, number, number];
  /** Events with the first actor as source, and with the second as source. */
  ab: number;
  ba: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function dyadSeries(days: DyadDay[], by: Period): DyadPeriod[] {
  const periods = new Map<string, DyadPeriod>();
  for (const d of days) {
    const key = periodOf(d.date, by);
    let p = periods.get(key);
    if (!p) {
      p = { period: key, count: 0, goldsteinSum: 0, goldsteinMean: 0, quads: [0, 0, 0, 0], ab: 0, ba: 0 };
      periods.set(key, p);
    }
    p.count += d.count;
    p.goldsteinSum += d.goldsteinSum;
    const q = d.quad - 1;
    if (q === 0 || q === 1 || q === 2 || q === 3) p.quads[q] += d.count;
    p[d.direction] += d.count;
  }
  const out = [...periods.values()].sort((x, y) => x.period.localeCompare(y.period));
  for (const p of out) {
    p.goldsteinSum = round2(p.goldsteinSum);
    p.goldsteinMean = p.count ? round2(p.goldsteinSum / p.count) : 0;
  }
  return out;
}

export function dyadTotal(series: DyadPeriod[]): DyadPeriod {
  const t: DyadPeriod = {
    period: 'total',
    count: 0,
    goldsteinSum: 0,
    goldsteinMean: 0,
    quads: [0, 0, 0, 0],
    ab: 0,
    ba: 0,
  };
  for (const p of series) {
    t.count += p.count;
    t.goldsteinSum += p.goldsteinSum;
    p.quads.forEach((n, i) => (t.quads[i] = (t.quads[i] ?? 0) + n));
    t.ab += p.ab;
    t.ba += p.ba;
  }
  t.goldsteinSum = round2(t.goldsteinSum);
  t.goldsteinMean = t.count ? round2(t.goldsteinSum / t.count) : 0;
  return t;
}
