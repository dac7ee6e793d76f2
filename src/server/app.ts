/**
 * The HTTP API and dashboard of `parley serve`: fastify with zod schemas that both validate
 * requests and make /openapi.json, and the built dashboard served from dist/web.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { dyadSeries, dyadTotal } from '../analysis/dyad-series.js';
import { packageRoot } from '../dictionaries/load.js';
import { createCoderPool, type CoderPool } from '../ingest/coder-pool.js';
import { withPlainFields } from '../store/plain-filter.js';
import type { EventFilter, Store, StoredEvent } from '../store/store.js';
import { decodeCursor, encodeCursor, type EventCursor } from './cursor.js';
import { HttpError, badParameter, notFound } from './errors.js';
import { ingestBody } from './ingest-body.js';
import { buildNetwork } from './network.js';
import {
  actorsQuery,
  articleParams,
  authHeaders,
  dyadQuery,
  eventsQuery,
  ingestQuery,
  networkQuery,
  statementsQuery,
} from './schemas.js';

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** Bearer token for writes; undefined reads PARLEY_TOKEN; null or empty refuses every write. */
  token?: string | null;
  /** Largest request body in bytes (default 2 MB). */
  bodyLimit?: number;
  /** Built dashboard directory (default dist/web); null serves no dashboard. */
  webDir?: string | null;
  /** Makes the coding threads for ingest, on first use (default: one thread). */
  createPool?: () => CoderPool;
  logger?: boolean;
}

export const defaultWebDir = () => join(packageRoot(), 'dist', 'web');

/** Content-Security-Policy of every response: scripts only from this origin, never inline. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function keysOf(store: Store, ref: string, parameter: string): Promise<string[]> {
  const m = await store.resolveActor(ref);
  if (!('keys' in m) || m.keys.length === 0) {
    throw badParameter(parameter, `no actor "${ref}" (give a key such as RUS or a name such as Russia)`);
  }
  return m.keys;
}

async function eventFilter(store: Store, q: ReturnType<typeof eventsQuery.parse>): Promise<EventFilter> {
  const f: EventFilter = { includeNegated: q.negated ?? true };
  if (q.actor) f.actor = await store.resolveActor(q.actor);
  if (q.dyad) {
    const [a, b] = q.dyad.split(',').map((s) => s.trim()) as [string, string];
    f.dyad = [await keysOf(store, a, 'dyad'), await keysOf(store, b, 'dyad')];
    f.directed = q.directed ?? false;
  }
  return withPlainFields(f, { ...q, quad: q.quad?.map(Number) });
}

/**
 * One page of events after `cursor`, and the cursor of the next page. The store starts at the
 * cursor's (date, article), so only the events of that article already returned are skipped.
 */
async function eventPage(
  store: Store,
  filter: EventFilter,
  limit: number,
  cursor: EventCursor | null,
): Promise<{ events: StoredEvent[]; nextCursor: string | null }> {
  if (cursor) filter.startAt = { date: cursor.date, articleId: cursor.articleId };
  const skip = cursor?.seen ?? 0;
  // One more than the page, to know whether another page follows.
  const found = await store.events(filter, skip + limit + 1);
  const events: StoredEvent[] = [];
  let group = '';
  let inGroup = 0;
  let last: EventCursor | null = null;
  for (const e of found) {
    const key = `${e.date}\u0000${e.articleId}`;
    inGroup = key === group ? inGroup + 1 : 1;
    group = key;
    if (cursor && e.date === cursor.date && e.articleId === cursor.articleId && inGroup <= cursor.seen) {
      continue;
    }
    if (events.length === limit) {
      return { events, nextCursor: last ? encodeCursor(last) : null };
    }
    events.push(e);
    last = { date: e.date, articleId: e.articleId, seen: inGroup };
  }
  return { events, nextCursor: null };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const token = options.token === undefined ? (process.env.PARLEY_TOKEN ?? null) : options.token;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const webDir = options.webDir === undefined ? defaultWebDir() : options.webDir;
  let pool: CoderPool | null = null;
  // One ingest at a time: they share the coding threads and the single writer.
  let ingestQueue: Promise<unknown> = Promise.resolve();

  const app = Fastify({ logger: options.logger ?? false, bodyLimit }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
  });

  app.addHook('onClose', async () => {
    if (pool) await pool.close();
  });

  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0]!;
      const keys = (first.params as { keys?: string[] }).keys;
      const path = first.instancePath.replace(/^\//, '');
      const parameter = path.split('/')[0] || keys?.[0] || (err.validationContext ?? 'request');
      const message =
        first.keyword === 'unrecognized_keys'
          ? `${parameter}: unknown parameter`
          : `${parameter}: ${first.message}`;
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message, parameter });
    }
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({
        statusCode: err.statusCode,
        error: err.statusCode === 404 ? 'Not Found' : err.statusCode === 400 ? 'Bad Request' : 'Error',
        message: err.message,
        ...(err.parameter ? { parameter: err.parameter } : {}),
      });
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({
        statusCode: 413,
        error: 'Payload Too Large',
        message: `body: larger than the ${bodyLimit}-byte limit`,
        parameter: 'body',
      });
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ statusCode: status, error: 'Bad Request', message: (err as Error).message });
    }
    req.log.error(err);
    return reply
      .code(500)
      .send({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version: '0.1.0',
        description: 'Events coded from news (CAMEO/PLOVER), dyads, networks, statements and evidence.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'PARLEY_TOKEN' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  /** Writes need `Authorization: Bearer $PARLEY_TOKEN`, and none are allowed without a token set. */
  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!token) {
      return reply.code(403).send({
        statusCode: 403,
        error: 'Forbidden',
        message: 'writes are disabled: start the server with PARLEY_TOKEN set to allow them',
      });
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m || !sameSecret(m[1]!, token)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer realm="parley"')
        .send({
          statusCode: 401,
          error: 'Unauthorized',
          message: m
            ? 'authorization: wrong token'
            : 'authorization: send Authorization: Bearer <PARLEY_TOKEN>',
          parameter: 'authorization',
        });
    }
  };

  app.get('/healthz', { schema: { tags: ['meta'], summary: 'liveness and store counts' } }, async () => ({
    status: 'ok',
    counts: await store.counts(),
    writes: token ? 'token' : 'disabled',
  }));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'events matching filters, in date order, a page at a time',
        querystring: eventsQuery,
      },
    },
    async (req) => {
      const q = req.query;
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const filter = await eventFilter(store, q);
      return eventPage(store, filter, q.limit, cursor);
    },
  );

  app.get(
    '/api/dyad',
    { schema: { tags: ['dyads'], summary: 'events between two actors per period', querystring: dyadQuery } },
    async (req) => {
      const q = req.query;
      const [a, b] = [await keysOf(store, q.a, 'a'), await keysOf(store, q.b, 'b')];
      const days = await store.dyadDays(a, b, {
        directed: q.directed ?? false,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      });
      const series = dyadSeries(days, q.by);
      return {
        a: { ref: q.a, keys: a },
        b: { ref: q.b, keys: b },
        by: q.by,
        series,
        total: dyadTotal(series),
      };
    },
  );

  app.get(
    '/api/network',
    {
      schema: {
        tags: ['network'],
        summary: 'actors of a period (nodes) and who acted on whom (edges: counts, mean Goldstein)',
        querystring: networkQuery,
      },
    },
    async (req) => {
      const q = req.query;
      if (q.from && q.to && q.from > q.to) throw badParameter('to', 'is before from');
      return buildNetwork(store, {
        limit: q.limit,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      });
    },
  );

  app.get(
    '/api/actors',
    { schema: { tags: ['actors'], summary: 'actors by activity', querystring: actorsQuery } },
    async (req) => {
      const q = req.query;
      const all = await store.actorActivity({
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      });
      const needle = q.q?.toLowerCase();
      const actors = needle
        ? all.filter((a) => a.key.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle))
        : all;
      return { actors: actors.slice(0, q.limit), total: actors.length };
    },
  );

  app.get(
    '/api/statements',
    {
      schema: {
        tags: ['statements'],
        summary: 'statements by speaker, about whom, and words',
        querystring: statementsQuery,
      },
    },
    async (req) => {
      const q = req.query;
      const statements = await store.statements(
        {
          ...(q.speaker ? { speaker: await store.resolveActor(q.speaker) } : {}),
          ...(q.about ? { about: await store.resolveActor(q.about) } : {}),
          ...(q.text ? { text: q.text } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
        },
        q.limit,
      );
      return { statements };
    },
  );

  app.get(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'one article: its text, events and statements with their character spans',
        params: articleParams,
      },
    },
    async (req) => {
      const view = await store.article(req.params.id);
      if (!view) throw notFound(`no article "${req.params.id}"`);
      return view;
    },
  );

  app.post(
    '/api/ingest',
    {
      onRequest: requireToken,
      schema: {
        tags: ['ingest'],
        summary: 'code and store articles posted as text, HTML, JSONL or a feed (needs the token)',
        description: 'The body is plain text, HTML, JSONL (one article object per line) or an RSS/Atom feed.',
        querystring: ingestQuery,
        headers: authHeaders,
        security: [{ bearer: [] }],
      },
    },
    async (req) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw badParameter('body', 'empty: no text to ingest');
      const q = req.query;
      const run = ingestQueue.then(() => {
        pool ??= options.createPool ? options.createPool() : createCoderPool({ workers: 1 });
        return ingestBody(store, pool, {
          body,
          contentType: req.headers['content-type'],
          format: q.format,
          ...(q.date ? { date: q.date } : {}),
          ...(q.id ? { id: q.id } : {}),
          ...(q.title ? { title: q.title } : {}),
        });
      });
      ingestQueue = run.catch(() => undefined);
      return run;
    },
  );

  // Any other write is refused the same way (no token, no write).
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/api/*',
    onRequest: requireToken,
    schema: { hide: true },
    handler: async () => {
      throw notFound('no such endpoint');
    },
  });

  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', index: ['index.html'], wildcard: false });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          'Parley API is running; the dashboard is not built (run `npm run build`). See /openapi.json.\n',
        ),
    );
  }

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `no such endpoint: ${req.method} ${req.url.split('?')[0]}`,
    }),
  );

  return app;
}
