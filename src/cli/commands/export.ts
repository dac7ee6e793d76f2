/** `parley export --format jsonl|csv|gdelt`: the whole store (or a date range) as one file. */
import { Command, Option } from 'commander';
import { countryNames } from '../../analysis/export/country-names.js';
import { EXPORT_FORMATS, exportLines, type ExportFormat } from '../../analysis/export/export.js';
import { loadDictionary } from '../../dictionaries/load.js';
import { EXIT } from '../exit-codes.js';
import { lineSink } from '../output/write.js';
import { withStore } from '../run-store-command.js';
import { dateRangeOptions, dbOption } from '../store-options.js';

interface ExportCliOptions {
  db?: string;
  format: ExportFormat;
  out?: string;
  from?: string;
  to?: string;
}

export function exportCommand(): Command {
  const cmd = new Command('export')
    .description(
      'export stored data: jsonl (one coded article per line, text included), csv (one event per line), ' +
        'gdelt (GDELT 2.0 Events TSV, 61 columns, no header)',
    )
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'export format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of stdout');
  for (const opt of dateRangeOptions('articles published')) cmd.addOption(opt);
  return cmd.action(async (o: ExportCliOptions) => {
    process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
      const out = lineSink(o.out);
      let lines = 0;
      for await (const line of exportLines(store, {
        format: o.format,
        ...(o.format === 'gdelt' ? { countries: countryNames(loadDictionary()) } : {}),
        ...(o.from ? { from: o.from } : {}),
        ...(o.to ? { to: o.to } : {}),
      })) {
        await out.line(line);
        lines++;
      }
      await out.close();
      if (o.out) process.stderr.write(`parley export: ${lines} lines written to ${o.out}\n`);
      return EXIT.ok;
    });
  });
}
