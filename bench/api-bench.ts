/**
 * API latency: the dashboard's requests (events pages, dyad series, actors, network) through the
 * real fastify app with `inject` (routing, validation, serialisation; no sockets), on a store of a
 * given size. The server module is found at run time like the store, so the bench does not break
 * while it is being written.
 */
import { existsSync } from 'node:fs';
import { measureLatency, type Latency } from './stats.js';

interface InjectResponse {
  statusCode: number;
  body: string;
}
interface App {
  inject(request: { method: 'GET'; url: string }): Promise<InjectResponse>;
  close(): Promise<unknown>;
}
type BuildServer = (options: { store: unknown; webDir: null; token: null; logger: false }) => Promise<App>;

export type ApiFigures = Record<string, Latency & { url: string }>;

/** The server's app factory, or null when src/server is not built. */
export async function findBuildServer(): Promise<BuildServer | null> {
  const url = new URL('../src/server/app.js', import.meta.url);
  if (!existsSync(url)) return null;
  try {
    const m = (await import(url.href)) as { buildServer?: unknown };
    return typeof m.buildServer === 'function' ? (m.buildServer as BuildServer) : null;
  } catch {
    return null;
  }
}

/** What the dashboard asks for, with the corpus's busiest pair, actor, root and year. */
export function dashboardRequests(p: {
  a: string;
  b: string;
  actor: string;
  root: string;
  year: string;
}): Record<string, string> {
  const year = `from=${p.year}-01-01&to=${p.year}-12-31`;
  return {
    events: '/api/events?limit=100',
    eventsActorRootYear: `/api/events?actor=${p.actor}&root=${p.root}&${year}&limit=100`,
    eventsDyadQuad: `/api/events?dyad=${p.a},${p.b}&quad=3,4&limit=100`,
    dyadWeeks: `/api/dyad?a=${p.a}&b=${p.b}&by=week`,
    actors: '/api/actors?limit=50',
    network: '/api/network?limit=60',
    networkYear: `/api/network?${year}&limit=60`,
    statementsSpeaker: `/api/statements?speaker=${p.actor}&limit=50`,
  };
}

export async function runApiBench(
  buildServer: BuildServer,
  store: unknown,
  requests: Record<string, string>,
  runs: number,
): Promise<ApiFigures> {
  const app = await buildServer({ store, webDir: null, token: null, logger: false });
  const out: ApiFigures = {};
  try {
    for (const [name, url] of Object.entries(requests)) {
      const latency = await measureLatency(async () => {
        const res = await app.inject({ method: 'GET', url });
        if (res.statusCode !== 200)
          throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        return res.body.length;
      }, runs);
      out[name] = { url, ...latency };
    }
  } finally {
    await app.close();
  }
  return out;
}
