/** The dashboard's client for the Parley HTTP API. */
import type { ActorActivity, ArticleView, StoredEvent, StoredStatement } from '../../src/store/store.js';
import type { DyadPeriod } from '../../src/analysis/dyad-series.js';
import type { IngestResponse, Network } from '../../src/server/api-types.js';

export type { ActorActivity, ArticleView, StoredEvent, StoredStatement, DyadPeriod, Network, IngestResponse };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  return parse<T>(
    await fetch(`${path}${query(params)}`, {
      signal: signal ?? null,
      headers: { Accept: 'application/json' },
    }),
  );
}

export interface EventPage {
  events: StoredEvent[];
  nextCursor: string | null;
}

export interface DyadResponse {
  a: { ref: string; keys: string[] };
  b: { ref: string; keys: string[] };
  by: 'day' | 'week' | 'month';
  series: DyadPeriod[];
  total: DyadPeriod;
}

export const api = {
  events: (p: Params, signal?: AbortSignal) => get<EventPage>('/api/events', p, signal),
  dyad: (p: Params, signal?: AbortSignal) => get<DyadResponse>('/api/dyad', p, signal),
  network: (p: Params, signal?: AbortSignal) => get<Network>('/api/network', p, signal),
  actors: (p: Params = {}) => get<{ actors: ActorActivity[]; total: number }>('/api/actors', p),
  statements: (p: Params, signal?: AbortSignal) =>
    get<{ statements: StoredStatement[] }>('/api/statements', p, signal),
  article: (id: string) => get<ArticleView>(`/api/articles/${encodeURIComponent(id)}`),
  async ingest(body: string, contentType: string, token: string, p: Params): Promise<IngestResponse> {
    const res = await fetch(`/api/ingest${query(p)}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    return parse<IngestResponse>(res);
  },
};

let actorList: Promise<ActorActivity[]> | null = null;
/** Actors for the pickers, fetched once per page load. */
export function actors(): Promise<ActorActivity[]> {
  actorList ??= api.actors({ limit: 5000 }).then(
    (r) => r.actors,
    () => {
      actorList = null;
      return [];
    },
  );
  return actorList;
}
export const forgetActors = () => (actorList = null);
