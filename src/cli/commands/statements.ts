/** `parley statements --speaker X --about Y`: what actors said, and about whom. */
import { Command, Option } from 'commander';
import { csvLine } from '../../analysis/export/csv.js';
import type { StatementFilter } from '../../store/store.js';
import { EXIT } from '../exit-codes.js';
import { renderTable } from '../output/table.js';
import { withStore } from '../run-store-command.js';
import { dateRangeOptions, dbOption, formatOption, positiveInt, type TableFormat } from '../store-options.js';

interface StatementsCliOptions {
  db?: string;
  speaker?: string;
  about?: string;
  text?: string;
  from?: string;
  to?: string;
  format: TableFormat;
  limit: number;
}

export function statementsCommand(): Command {
  const cmd = new Command('statements')
    .description('statements (direct and reported speech) by speaker and by the actors they are about')
    .addOption(dbOption())
    .option('--speaker <key|name>', 'who spoke: a key (RUS) or a name (Lavrov)')
    .option('--about <key|name>', 'an actor the statement is about')
    .option('--text <words>', 'words in what was said')
    .addOption(formatOption())
    .addOption(new Option('--limit <n>', 'most statements to print').argParser(positiveInt).default(50));
  for (const opt of dateRangeOptions('statements published')) cmd.addOption(opt);
  return cmd.action(async (o: StatementsCliOptions) => {
    process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
      const f: StatementFilter = {};
      if (o.speaker) f.speaker = await store.resolveActor(o.speaker);
      if (o.about) f.about = await store.resolveActor(o.about);
      if (o.text) f.text = o.text;
      if (o.from) f.from = o.from;
      if (o.to) f.to = o.to;
      const statements = await store.statements(f, o.limit);
      if (o.format === 'jsonl') {
        for (const s of statements) process.stdout.write(`${JSON.stringify(s)}\n`);
      } else if (o.format === 'csv') {
        const header = [
          'article',
          'statement',
          'speaker_key',
          'speaker_name',
          'cue',
          'kind',
          'about',
          'tone',
          'content',
        ];
        const rows = statements.map((s) => [
          s.articleId,
          s.id,
          s.speaker?.key,
          s.speaker?.person ?? s.speaker?.name,
          s.cue.text,
          s.kind,
          s.about.map((a) => a.key).join(' '),
          s.tone,
          s.content.text,
        ]);
        process.stdout.write(`${[header, ...rows].map(csvLine).join('\n')}\n`);
      } else if (statements.length === 0) {
        process.stdout.write('no statements match\n');
      } else {
        process.stdout.write(
          `${renderTable(
            [
              { header: 'ARTICLE', max: 28 },
              { header: 'SPEAKER', max: 30 },
              { header: 'CUE', max: 12 },
              { header: 'ABOUT', max: 20 },
              { header: 'SAID', max: 90 },
            ],
            statements.map((s) => [
              s.articleId,
              s.speaker ? `${s.speaker.person ?? s.speaker.name} (${s.speaker.key})` : '?',
              s.cue.text,
              s.about.map((a) => a.key).join(' '),
              `${s.kind === 'direct' ? '“' : ''}${s.content.text}${s.kind === 'direct' ? '”' : ''}`,
            ]),
          )}\n`,
        );
      }
      return EXIT.ok;
    });
  });
}
