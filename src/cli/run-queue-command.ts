/** Opens the store and the job queue in one PostgreSQL database for a queue command, then closes both. */
import type { PgBoss } from 'pg-boss';
import { openQueue, type OpenQueueOptions } from '../ingest/queue/open-queue.js';
import { databaseLocation, openStore } from '../store/open.js';
import { isPostgresUrl, redactUrl } from '../store/postgres-url.js';
import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';

export async function withQueue(
  db: string | undefined,
  options: OpenQueueOptions,
  work: (boss: PgBoss, store: Store) => Promise<number>,
): Promise<number> {
  const location = databaseLocation(db);
  if (!isPostgresUrl(location)) {
    process.stderr.write(
      `parley: the job queue lives in PostgreSQL: pass --db postgres://user:pass@host/db or set PARLEY_DB ` +
        `(${location} is a SQLite file; use \`parley ingest\` for it)\n`,
    );
    return EXIT.usage;
  }
  let store: Store;
  let boss: PgBoss;
  try {
    store = await openStore(location);
  } catch (e) {
    process.stderr.write(`parley: ${redactUrl(location)}: ${(e as Error).message}\n`);
    return EXIT.failed;
  }
  try {
    boss = await openQueue(location, options);
  } catch (e) {
    await store.close();
    process.stderr.write(`parley: ${redactUrl(location)}: ${(e as Error).message}\n`);
    return EXIT.failed;
  }
  try {
    return await work(boss, store);
  } finally {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    await store.close();
  }
}
