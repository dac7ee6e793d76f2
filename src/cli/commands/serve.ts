/** `parley serve`: the HTTP API and dashboard over the store. */
import { isIP } from 'node:net';
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildServer } from '../../server/app.js';
import { databaseLocation, openStore } from '../../store/open.js';
import { EXIT } from '../exit-codes.js';
import { dbOption } from '../store-options.js';

interface ServeCliOptions {
  db?: string;
  host: string;
  port: number;
  allowRemote?: boolean;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port 0-65535');
  return n;
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1';
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and dashboard (writes need PARLEY_TOKEN)')
    .addOption(dbOption())
    .addOption(new Option('--host <address>', 'address to listen on').default('127.0.0.1'))
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').argParser(port).default(8080))
    .option('--allow-remote', 'allow a non-loopback --host (anyone who reaches it can read the store)')
    .action(async (o: ServeCliOptions) => {
      if (!isLoopback(o.host) && !o.allowRemote) {
        process.stderr.write(
          `parley serve: --host ${o.host} is not a loopback address: pass --allow-remote to serve other machines\n`,
        );
        process.exitCode = EXIT.usage;
        return;
      }
      const location = databaseLocation(o.db);
      const store = await openStore(location);
      const app = await buildServer({ store });
      const url = await app.listen({ host: o.host, port: o.port }).catch(async (e: Error) => {
        await store.close();
        throw new Error(`cannot listen on ${o.host}:${o.port}: ${e.message}`);
      });
      const shown = new URL(url);
      process.stdout.write(
        `parley: dashboard at ${shown.origin}/ (API ${shown.origin}/openapi.json), store ${location}\n`,
      );
      if (!process.env.PARLEY_TOKEN) {
        process.stdout.write('parley: PARLEY_TOKEN is not set: ingest through the API is disabled\n');
      }
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(EXIT.ok);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
