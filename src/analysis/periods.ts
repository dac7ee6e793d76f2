/** Calendar periods for time series: a day, the ISO week (named by its Monday) or a month. */
export type Period = 'day' | 'week' | 'month';
export const PERIODS: Period[] = ['day', 'week', 'month'];

/** The period a YYYY-MM-DD date falls in, as a sortable label: 2024-03-07, 2024-03-04 (Monday), 2024-03. */
export function periodOf(date: string, by: Period): string {
  if (by === 'day') return date;
  if (by === 'month') return date.slice(0, 7);
  const d = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - sinceMonday);
  return d.toISOString().slice(0, 10);
}
