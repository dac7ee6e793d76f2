/** The tally of an ingest or re-code run, and how it is printed. */
import type { SaveOutcome } from '../store/store.js';

export interface RunSummary {
  new: number;
  updated: number;
  recoded: number;
  unchanged: number;
  /** Skipped inputs by reason (malformed, duplicate, not coded…). */
  skipped: Record<string, number>;
  failed: number;
  /** Rows added. */
  events: number;
  statements: number;
  seconds: number;
  interrupted: boolean;
}

export function newSummary(): RunSummary {
  return {
    new: 0,
    updated: 0,
    recoded: 0,
    unchanged: 0,
    skipped: {},
    failed: 0,
    events: 0,
    statements: 0,
    seconds: 0,
    interrupted: false,
  };
}

export function countSkip(s: RunSummary, reason: string): void {
  s.skipped[reason] = (s.skipped[reason] ?? 0) + 1;
}

export function countOutcome(s: RunSummary, outcome: SaveOutcome, events: number, statements: number): void {
  if (outcome.status === 'duplicate') {
    countSkip(s, 'duplicate content');
    return;
  }
  s[outcome.status]++;
  if (outcome.status !== 'unchanged') {
    s.events += events;
    s.statements += statements;
  }
}

export const skippedTotal = (s: RunSummary) => Object.values(s.skipped).reduce((a, b) => a + b, 0);

/** Articles dealt with so far, for progress. */
export const doneCount = (s: RunSummary) =>
  s.new + s.updated + s.recoded + s.unchanged + s.failed + skippedTotal(s);

const n = (x: number) => x.toLocaleString('en-US');

export function formatSummary(s: RunSummary, verb = 'ingest'): string {
  const stored = s.new + s.updated + s.recoded;
  const done = doneCount(s);
  const rate = s.seconds > 0 ? (done / s.seconds).toFixed(1) : '—';
  const lines = [
    `${verb}${s.interrupted ? ' (interrupted)' : ''}: ${n(done)} inputs in ${s.seconds.toFixed(1)} s (${rate}/s)`,
    `  new        ${n(s.new)}`,
  ];
  if (s.updated) lines.push(`  updated    ${n(s.updated)}`);
  if (s.recoded) lines.push(`  re-coded   ${n(s.recoded)}`);
  lines.push(`  unchanged  ${n(s.unchanged)}`);
  const reasons = Object.entries(s.skipped).sort((a, b) => b[1] - a[1]);
  lines.push(
    `  skipped    ${n(skippedTotal(s))}${reasons.length ? ` (${reasons.map(([r, c]) => `${r}: ${n(c)}`).join(', ')})` : ''}`,
  );
  lines.push(`  failed     ${n(s.failed)}`);
  lines.push(`  added      ${n(s.events)} events, ${n(s.statements)} statements from ${n(stored)} articles`);
  return lines.join('\n');
}
