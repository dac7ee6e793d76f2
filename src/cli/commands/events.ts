/** `parley events`: stored events, filtered by actor, dyad, code, quad class, dates, place, text. */
import { Command, Option } from 'commander';
import { EVENT_CSV_HEADER, csvLine, eventCsvLine } from '../../analysis/export/csv.js';
import { withPlainFields } from '../../store/plain-filter.js';
import type { EventFilter, Store, StoredEvent } from '../../store/store.js';
import { EXIT } from '../exit-codes.js';
import { renderTable } from '../output/table.js';
import { lineSink } from '../output/write.js';
import { withStore } from '../run-store-command.js';
import {
  cameoList,
  dateRangeOptions,
  dbOption,
  formatOption,
  positiveInt,
  quadList,
  type TableFormat,
} from '../store-options.js';

interface EventsCliOptions {
  db?: string;
  actor?: string;
  dyad?: string;
  directed?: boolean;
  code: string[];
  root: string[];
  quad: number[];
  from?: string;
  to?: string;
  place?: string;
  text?: string;
  article?: string;
  negated: boolean;
  format: TableFormat;
  limit?: number;
}

const TABLE_LIMIT = 50;

async function keysOf(store: Store, ref: string): Promise<string[]> {
  const m = await store.resolveActor(ref);
  return 'keys' in m ? m.keys : [];
}

async function buildFilter(store: Store, o: EventsCliOptions): Promise<EventFilter | string> {
  const f: EventFilter = { includeNegated: o.negated };
  if (o.actor) f.actor = await store.resolveActor(o.actor);
  if (o.dyad) {
    const [a, b, ...rest] = o.dyad.split(',').map((s) => s.trim());
    if (!a || !b || rest.length) return '--dyad takes two actors: --dyad USA,RUS';
    const [ka, kb] = [await keysOf(store, a), await keysOf(store, b)];
    if (!ka.length) return `--dyad: no actor "${a}" (give a key such as RUS or a name such as Russia)`;
    if (!kb.length) return `--dyad: no actor "${b}" (give a key such as RUS or a name such as Russia)`;
    f.dyad = [ka, kb];
    f.directed = o.directed ?? false;
  }
  return withPlainFields(f, o);
}

function eventTable(events: StoredEvent[]): string {
  return renderTable(
    [
      { header: 'DATE' },
      { header: 'SOURCE', max: 24 },
      { header: 'CAMEO' },
      { header: 'TARGET', max: 24 },
      { header: 'GS', align: 'right' },
      { header: 'Q' },
      { header: 'ACTION', max: 18 },
      { header: 'PLACE', max: 16 },
      { header: 'ARTICLE', max: 28 },
      { header: 'EVIDENCE', max: 70 },
    ],
    events.map((e) => [
      e.date,
      `${e.source.code}${e.source.person ? ` (${e.source.person})` : ''}`,
      `${e.negated ? 'NOT ' : ''}${e.cameo}`,
      e.target ? `${e.target.code}${e.target.person ? ` (${e.target.person})` : ''}` : '—',
      e.goldstein.toFixed(1),
      e.quad,
      e.action.text,
      e.place ? `${e.place.name}${e.place.country ? ` ${e.place.country}` : ''}` : '',
      e.articleId,
      e.sentenceText,
    ]),
  );
}

export function eventsCommand(): Command {
  const cmd = new Command('events')
    .description('list stored events, filtered')
    .addOption(dbOption())
    .option('--actor <key|name>', 'events with this actor as source or target (RUS, Russia, Lavrov)')
    .option('--dyad <A,B>', 'events between two actors (both directions unless --directed)')
    .option('--directed', 'with --dyad: only events from the first actor to the second')
    .option('--code <codes>', 'CAMEO codes, comma-separated or repeated; 04 covers 040-049', cameoList, [])
    .option('--root <roots>', 'CAMEO root codes (01-20)', cameoList, [])
    .option('--quad <classes>', 'quad classes 1-4', quadList, [])
    .option('--place <name|country>', 'where the event happened (a place name or a country key)')
    .option('--text <words>', 'words in the evidence sentence')
    .option('--article <id>', "one article's events")
    .option('--no-negated', 'leave out negated events ("did not attack")')
    .addOption(formatOption())
    .addOption(
      new Option('--limit <n>', `most events to print (table default: ${TABLE_LIMIT})`).argParser(
        positiveInt,
      ),
    );
  for (const opt of dateRangeOptions()) cmd.addOption(opt);
  return cmd.action(async (o: EventsCliOptions) => {
    process.exitCode = await withStore(o.db, { mustExist: true }, async (store) => {
      const filter = await buildFilter(store, o);
      if (typeof filter === 'string') {
        process.stderr.write(`parley events: ${filter}\n`);
        return EXIT.usage;
      }
      const limit = o.limit ?? (o.format === 'table' ? TABLE_LIMIT : undefined);
      if (o.format === 'table') {
        const events = await store.events(filter, limit === undefined ? undefined : limit + 1);
        if (events.length === 0) {
          process.stdout.write('no events match\n');
          return EXIT.ok;
        }
        const shown = limit === undefined ? events : events.slice(0, limit);
        process.stdout.write(`${eventTable(shown)}\n`);
        if (shown.length < events.length) {
          process.stdout.write(`… more events match: raise --limit or use --format jsonl|csv\n`);
        }
        return EXIT.ok;
      }
      const out = lineSink();
      if (o.format === 'csv') await out.line(csvLine([...EVENT_CSV_HEADER]));
      let n = 0;
      for await (const e of store.eachEvent(filter)) {
        if (limit !== undefined && n++ >= limit) break;
        await out.line(o.format === 'csv' ? eventCsvLine(e) : JSON.stringify(e));
      }
      await out.close();
      return EXIT.ok;
    });
  });
}
