/** Response types shared by the server and the dashboard (types only: nothing of Node here). */
import type { RunSummary } from '../ingest/summary.js';

export interface NetworkNode {
  key: string;
  name: string;
  /** Events the actor took part in, as source or target. */
  events: number;
  asSource: number;
  asTarget: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  count: number;
  goldsteinMean: number;
  /** Events per quad class, index 0 = class 1. */
  quads: [number, number, number, number];
}

export interface Network {
  from: string | null;
  to: string | null;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Actors left out by the limit. */
  omitted: number;
}

export interface IngestedArticle {
  id: string;
  title: string | null;
  published: string;
  events: number;
  statements: number;
}

export interface IngestResponse {
  summary: RunSummary;
  articles: IngestedArticle[];
  problems: { where: string; message: string; reason?: string }[];
}
