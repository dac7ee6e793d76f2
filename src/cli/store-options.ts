/** Options and argument parsers shared by the store commands (ingest, queries, export). */
import { InvalidArgumentError, Option } from 'commander';

export const dbOption = () =>
  new Option(
    '--db <path|url>',
    'SQLite database file, or postgres://user:pass@host/db (default: $PARLEY_DB, else ./parley.db)',
  );

export function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return v;
}

export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** Repeatable and comma-separated: --code 112,113 --code 04. */
export const list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

export function cameoList(v: string, prev: string[] = []): string[] {
  const codes = list(v);
  const bad = codes.find((c) => !/^\d{2,4}$/.test(c));
  if (bad) throw new InvalidArgumentError(`"${bad}" is not a CAMEO code (2 to 4 digits, e.g. 04, 112)`);
  return [...prev, ...codes];
}

export function quadList(v: string, prev: number[] = []): number[] {
  const quads = list(v).map(Number);
  if (quads.some((q) => ![1, 2, 3, 4].includes(q))) {
    throw new InvalidArgumentError('quad classes are 1 (verbal cooperation) to 4 (material conflict)');
  }
  return [...prev, ...quads];
}

export type TableFormat = 'table' | 'jsonl' | 'csv';
export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['table', 'jsonl', 'csv']).default('table');

export const dateRangeOptions = (what = 'events dated') => [
  new Option('--from <YYYY-MM-DD>', `${what} on or after this day`).argParser(isoDate),
  new Option('--to <YYYY-MM-DD>', `${what} on or before this day`).argParser(isoDate),
];
