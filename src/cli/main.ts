/** The `parley` command line. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { runCode } from './commands/code.js';
import { runEval } from './commands/eval.js';
import { EXIT } from './exit-codes.js';
import { OUTPUT_FORMATS, type OutputFormat } from './format.js';
import { registerBench } from './commands/bench.js';
import { registerStoreCommands } from './store-commands.js';

const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return v;
};
const collect = (v: string, prev: string[] = []) => [...prev, v];

const program = new Command();
program
  .name('parley')
  .description('Turns international-affairs news into CAMEO/PLOVER event data.')
  .version('0.1.0')
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
  });

program
  .command('code')
  .description(
    'code articles into events and print them (files, directories, .jsonl[.gz], .txt, .md, .html, - for stdin)',
  )
  .argument('[paths...]', 'articles to code (default: stdin)')
  .option('--date <YYYY-MM-DD>', 'publication date for inputs that carry none', isoDate)
  .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('jsonl'))
  .option('--dict <path>', 'extra dictionary file or directory (repeatable)', collect, [])
  .action(async (paths: string[], o: { date?: string; format: OutputFormat; dict: string[] }) => {
    process.exitCode = await runCode(paths, o);
  });

program
  .command('eval')
  .description('score coding against gold events: PLOVER GSR JSON, PETRARCH validation XML or Parley JSONL')
  .requiredOption(
    '--gold <file>',
    'gold file (.json PLOVER GSR, .xml PETRARCH validation, .jsonl Parley gold)',
  )
  .option('--verbose', 'list every miss and false alarm')
  .option('--json', 'print the scores as JSON')
  .option('--dict <path>', 'extra dictionary file or directory (repeatable)', collect, [])
  .action(async (o: { gold: string; verbose?: boolean; json?: boolean; dict: string[] }) => {
    process.exitCode = await runEval(o);
  });

registerStoreCommands(program);
registerBench(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`parley: ${(err as Error).message}\n`);
  process.exitCode = EXIT.failed;
}
