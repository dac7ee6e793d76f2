/** Running `parley` processes against a PostgreSQL queue, and reading what they stored. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { root } from './helpers.js';

export const parley = join(root, 'bin', 'parley.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

export function start(args: string[]): Running {
  const child = spawn(process.execPath, [parley, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export const run = (args: string[]) => start(args).done;

/** `parley worker` on one coding thread, polling every second, plus any further flags. */
export const workerArgs = (url: string, ...more: string[]) => [
  'worker',
  '--db',
  url,
  '--concurrency',
  '1',
  '--check-every',
  '1',
  ...more,
];

export async function pgRows<R>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as R[];
  } finally {
    await client.end();
  }
}

/** What two stores are compared on: articles by id and content, events by where and what. */
const ARTICLE_KEYS = "select id || ' ' || content_hash as k from articles";
const EVENT_KEYS =
  "select article_id || ' ' || sentence || ' ' || source_key || ' ' || coalesce(target_key, '-') || ' ' || cameo as k from events";

export interface StoreContents {
  articles: string[];
  events: string[];
}

const sorted = (rows: { k: string }[]) => rows.map((r) => r.k).sort();

export async function pgContents(url: string): Promise<StoreContents> {
  return {
    articles: sorted(await pgRows<{ k: string }>(url, ARTICLE_KEYS)),
    events: sorted(await pgRows<{ k: string }>(url, EVENT_KEYS)),
  };
}

export function sqliteContents(file: string): StoreContents {
  const db = new Sqlite(file, { readonly: true });
  try {
    return {
      articles: sorted(db.prepare(ARTICLE_KEYS).all() as { k: string }[]),
      events: sorted(db.prepare(EVENT_KEYS).all() as { k: string }[]),
    };
  } finally {
    db.close();
  }
}

/** Polls until `ready` says yes or `timeoutMs` passes (then throws, naming `what`). */
export async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
