/** `parley dyad A B --by month`: how relations between two actors moved over time. */
import { Command, Option } from 'commander';
import { csvLine } from '../../analysis/export/csv.js';
import { dyadSeries, dyadTotal, type DyadPeriod } from '../../analysis/dyad-series.js';
import { PERIODS, type Period } from '../../analysis/periods.js';
import type { Store } from '../../store/store.js';
import { EXIT } from '../exit-codes.js';
import { renderTable } from '../output/table.js';
import { withStore } from '../run-store-command.js';
import { dateRangeOptions, dbOption, formatOption, type TableFormat } from '../store-options.js';

interface DyadCliOptions {
  db?: string;
  by: Period;
  directed?: boolean;
  from?: string;
  to?: string;
  format: TableFormat;
}

async function resolveKeys(store: Store, ref: string): Promise<{ keys: string[]; label: string } | null> {
  const m = await store.resolveActor(ref);
  if (!('keys' in m) || m.keys.length === 0) return null;
  return { keys: m.keys, label: m.keys.join('+') };
}

const row = (p: DyadPeriod) => [p.period, p.count, p.goldsteinSum, p.goldsteinMean, ...p.quads, p.ab, p.ba];

export function dyadCommand(): Command {
  const cmd = new Command('dyad')
    .description(
      'events between two actors per day, week or month: count, Goldstein sum and mean, quad classes',
    )
    .argument('<a>', 'first actor: a key (USA) or a name (United States)')
    .argument('<b>', 'second actor')
    .addOption(dbOption())
    .addOption(new Option('--by <period>', 'period').choices(PERIODS).default('month'))
    .option('--directed', 'only events from A to B (default: both directions)')
    .addOption(formatOption());
  for (const opt of dateRangeOptions()) cmd.addOption(opt);
  return cmd.action(async (aRef: string, bRef: string, o: DyadCliOptions) => {
    process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
      const [a, b] = [await resolveKeys(store, aRef), await resolveKeys(store, bRef)];
      if (!a || !b) {
        process.stderr.write(
          `parley dyad: no actor "${a ? bRef : aRef}": give a key such as RUS or a name such as Russia (see \`parley actors\`)\n`,
        );
        return EXIT.usage;
      }
      const days = await store.dyadDays(a.keys, b.keys, {
        directed: o.directed ?? false,
        ...(o.from ? { from: o.from } : {}),
        ...(o.to ? { to: o.to } : {}),
      });
      const series = dyadSeries(days, o.by);
      const [ab, ba] = [`${a.label}→${b.label}`, `${b.label}→${a.label}`];
      const headers = ['period', 'events', 'goldstein_sum', 'goldstein_mean', 'q1', 'q2', 'q3', 'q4', ab, ba];
      if (o.format === 'csv') {
        process.stdout.write(`${[headers, ...series.map(row)].map(csvLine).join('\n')}\n`);
      } else if (o.format === 'jsonl') {
        for (const p of series)
          process.stdout.write(`${JSON.stringify({ a: a.label, b: b.label, by: o.by, ...p })}\n`);
      } else {
        const dir = o.directed ? `${a.label} → ${b.label}` : `${a.label} ↔ ${b.label}`;
        process.stdout.write(
          `${dir}, by ${o.by} (q1 verbal coop., q2 material coop., q3 verbal conflict, q4 material conflict)\n`,
        );
        if (series.length === 0) {
          process.stdout.write('no events between them\n');
          return EXIT.ok;
        }
        const right = { align: 'right' as const };
        const cols = [
          { header: o.by.toUpperCase() },
          { header: 'EVENTS', ...right },
          { header: 'GS SUM', ...right },
          { header: 'GS MEAN', ...right },
          { header: 'Q1', ...right },
          { header: 'Q2', ...right },
          { header: 'Q3', ...right },
          { header: 'Q4', ...right },
          ...(o.directed
            ? []
            : [
                { header: ab, ...right },
                { header: ba, ...right },
              ]),
        ];
        const fmt = (p: DyadPeriod) => {
          const r = row(p).map((c, i) => (i === 2 || i === 3 ? Number(c).toFixed(2) : c));
          return o.directed ? r.slice(0, 8) : r;
        };
        process.stdout.write(`${renderTable(cols, [...series.map(fmt), fmt(dyadTotal(series))])}\n`);
      }
      return EXIT.ok;
    });
  });
}
