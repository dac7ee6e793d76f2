/**
 * Time stage: an event's date from its sentence's time words, read against the publication date.
 * Weekdays follow the tense: "met on Monday" is the Monday before, "will meet on Monday" the one after.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../types.js';

export interface EventDate {
  date: string;
  precision: DatePrecision;
  fromPublished: boolean;
}

const DAY = 86_400_000;
const MAY_HOLD_DATE =
  /\b(?:1\d|20)\d\d\b|\d[/.-]\d|\d(?:st|nd|rd|th)\b|\d\s*-?\s*(?:hours?|days?|minutes?|seconds?)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b(?:today|tonight|yesterday|tomorrow|week|weekend|month|year|ago|last|next|earlier|later)\b/i;

/**
 * Time words that name no day of the event: a stretch of time ("over the past two years", "the
 * last 18 months"), or a day counted from some other, unnamed event ("the day after the vote").
 */
const PERIOD = /\b(?:past|last|next|coming|previous)\b.*\b(?:days|weeks|months|years|decades)$/;
const DAY_FROM_ANOTHER_EVENT = /\bday (?:after|before)$/;

function parseIsoDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `futureAt(offset)` tells whether the clause around a character offset of the sentence speaks of
 * the future, so "As of Monday, Russia has said it will continue talks" reads Monday as past.
 */
export function resolveDate(
  sentence: string,
  published: string,
  futureAt: (offset: number) => boolean,
): EventDate {
  const ref = parseIsoDay(published);
  const fallback: EventDate = { date: published, precision: 'day', fromPublished: true };
  if (Number.isNaN(ref)) return fallback;
  // Most sentences name no time at all: only those with a date-like word are worth chrono's parsers.
  if (!MAY_HOLD_DATE.test(sentence)) return fallback;
  const results = chrono.parse(sentence, { instant: new Date(ref + DAY / 2), timezone: 0 });
  for (const r of results) {
    const c = r.start;
    const future = futureAt(r.index);
    const text = r.text.toLowerCase();
    if (PERIOD.test(text) || DAY_FROM_ANOTHER_EVENT.test(text)) continue;
    // Bare numbers and clock times are not dates of events.
    if (!c.isCertain('day') && !c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('year'))
      continue;
    let ms = Date.UTC(c.get('year') ?? 1970, (c.get('month') ?? 1) - 1, c.get('day') ?? 1);
    let precision: DatePrecision = 'day';
    if (c.isCertain('weekday') && !c.isCertain('day')) {
      const want = c.get('weekday') ?? 0;
      const have = new Date(ref).getUTCDay();
      let delta = want - have;
      if (future) {
        if (delta <= 0) delta += 7;
      } else if (delta > 0) delta -= 7;
      ms = ref + delta * DAY;
    } else if (/\bweek\b/.test(text)) precision = 'week';
    else if (!c.isCertain('day') && c.isCertain('month')) precision = 'month';
    else if (!c.isCertain('day') && !c.isCertain('month')) precision = 'year';
    // "on Dec. 28" in a past-tense sentence published on Dec. 5 is last year's.
    if (!future && !c.isCertain('year') && ms > ref + DAY && precision !== 'week') {
      const d = new Date(ms);
      ms = Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate());
    }
    if (ms < ref - 40 * 365 * DAY || ms > ref + 3 * 365 * DAY) continue;
    return { date: toIso(ms), precision, fromPublished: false };
  }
  return fallback;
}
