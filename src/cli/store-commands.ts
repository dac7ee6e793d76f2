/** Store-backed commands (ingest, queries, exports) are registered here, apart from the coder's. */
import type { Command } from 'commander';
import { actorsCommand } from './commands/actors.js';
import { articleCommand } from './commands/article.js';
import { dyadCommand } from './commands/dyad.js';
import { enqueueCommand } from './commands/enqueue.js';
import { eventsCommand } from './commands/events.js';
import { exportCommand } from './commands/export.js';
import { ingestCommand } from './commands/ingest.js';
import { queueCommand } from './commands/queue.js';
import { recodeCommand } from './commands/recode.js';
import { serveCommand } from './commands/serve.js';
import { statementsCommand } from './commands/statements.js';
import { workerCommand } from './commands/worker.js';

/** `parley events | head` closes stdout early: stop quietly instead of dying on EPIPE. */
function exitOnClosedStdout(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

export function registerStoreCommands(program: Command): void {
  for (const command of [
    ingestCommand(),
    recodeCommand(),
    eventsCommand(),
    dyadCommand(),
    actorsCommand(),
    statementsCommand(),
    articleCommand(),
    exportCommand(),
    serveCommand(),
    enqueueCommand(),
    workerCommand(),
    queueCommand(),
  ]) {
    // Commands built apart from `program` still get its exit-code handling and output settings.
    command.copyInheritedSettings(program);
    command.hook('preAction', exitOnClosedStdout);
    program.addCommand(command);
  }
}
