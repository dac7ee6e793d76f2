/** `parley actors`: the most active actors, with their event, article and mention counts. */
import { Command, Option } from 'commander';
import { csvLine } from '../../analysis/export/csv.js';
import { EXIT } from '../exit-codes.js';
import { renderTable } from '../output/table.js';
import { withStore } from '../run-store-command.js';
import { dateRangeOptions, dbOption, formatOption, positiveInt, type TableFormat } from '../store-options.js';

interface ActorsCliOptions {
  db?: string;
  limit: number;
  from?: string;
  to?: string;
  format: TableFormat;
}

export function actorsCommand(): Command {
  const cmd = new Command('actors')
    .description('most active actors: events as source and target, articles and mentions')
    .addOption(dbOption())
    .addOption(new Option('--limit <n>', 'how many').argParser(positiveInt).default(25))
    .addOption(formatOption());
  for (const opt of dateRangeOptions()) cmd.addOption(opt);
  return cmd.action(async (o: ActorsCliOptions) => {
    process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
      const actors = await store.actorActivity({
        limit: o.limit,
        ...(o.from ? { from: o.from } : {}),
        ...(o.to ? { to: o.to } : {}),
      });
      if (o.format === 'jsonl') {
        for (const a of actors) process.stdout.write(`${JSON.stringify(a)}\n`);
      } else if (o.format === 'csv') {
        const lines = [['key', 'name', 'events', 'as_source', 'as_target', 'articles', 'mentions']].concat(
          actors.map((a) =>
            [a.key, a.name, a.events, a.asSource, a.asTarget, a.articles, a.mentions].map(String),
          ),
        );
        process.stdout.write(`${lines.map(csvLine).join('\n')}\n`);
      } else if (actors.length === 0) {
        process.stdout.write('no actors yet\n');
      } else {
        const right = { align: 'right' as const };
        process.stdout.write(
          `${renderTable(
            [
              { header: 'KEY' },
              { header: 'NAME', max: 32 },
              { header: 'EVENTS', ...right },
              { header: 'AS SOURCE', ...right },
              { header: 'AS TARGET', ...right },
              { header: 'ARTICLES', ...right },
              { header: 'MENTIONS', ...right },
            ],
            actors.map((a) => [a.key, a.name, a.events, a.asSource, a.asTarget, a.articles, a.mentions]),
          )}\n`,
        );
      }
      return EXIT.ok;
    });
  });
}
