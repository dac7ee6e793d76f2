/** Opens the store for a command, runs it, closes the store, and turns known errors into exit codes. */
import { databaseLocation, openStore, StoreNotFoundError } from '../store/open.js';
import { redactUrl } from '../store/postgres-url.js';
import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';

export async function withStore(
  db: string | undefined,
  options: { mustExist: boolean },
  work: (store: Store) => Promise<number>,
): Promise<number> {
  const location = databaseLocation(db);
  let store: Store;
  try {
    store = await openStore(location, options);
  } catch (e) {
    process.stderr.write(
      `parley: ${e instanceof StoreNotFoundError ? '' : `${redactUrl(location)}: `}${(e as Error).message}\n`,
    );
    return EXIT.failed;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
