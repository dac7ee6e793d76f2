/** `parley code`: prints the coded events of each article. */
import { createCoder } from '../../coder/index.js';
import { loadDictionary } from '../../dictionaries/load.js';
import { readArticles } from '../../ingest/read-articles.js';
import { EXIT } from '../exit-codes.js';
import { EVENT_CSV_HEADER, eventCsvLine } from '../../analysis/export/csv.js';
import { asExportEvent, tableFor, type OutputFormat } from '../format.js';

export interface CodeOptions {
  date?: string;
  format: OutputFormat;
  dict?: string[];
}

export async function runCode(paths: string[], opts: CodeOptions): Promise<number> {
  const coder = createCoder({ dictionary: loadDictionary(opts.dict ?? []) });
  const write = (s: string) => process.stdout.write(s);
  let coded = 0;
  let failed = 0;
  const jsonItems: unknown[] = [];
  if (opts.format === 'csv') write(`${EVENT_CSV_HEADER.join(',')}\n`);
  for await (const item of readArticles(paths.length ? paths : ['-'], {
    ...(opts.date ? { date: opts.date } : {}),
  })) {
    if ('problem' in item) {
      failed++;
      process.stderr.write(`parley: ${item.problem.where}: ${item.problem.message}\n`);
      continue;
    }
    const result = coder.code(item.article);
    if (result.warnings.length && result.sentences === 0) {
      failed++;
      process.stderr.write(`parley: ${item.where}: ${result.warnings.join('; ')}\n`);
      continue;
    }
    coded++;
    if (opts.format === 'jsonl') write(`${JSON.stringify(result)}\n`);
    else if (opts.format === 'json') jsonItems.push(result);
    else if (opts.format === 'csv') {
      for (const e of result.events) write(`${eventCsvLine(asExportEvent(item.article, result, e))}\n`);
    } else write(`${tableFor(result)}\n`);
  }
  if (opts.format === 'json') write(`${JSON.stringify(jsonItems, null, 2)}\n`);
  if (coded === 0) {
    process.stderr.write('parley: nothing could be coded\n');
    return EXIT.failed;
  }
  return failed ? EXIT.partial : EXIT.ok;
}
