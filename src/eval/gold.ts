/** Gold-standard readers: PLOVER GSR JSON, PETRARCH-2 validation XML and Parley's own JSONL. */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export type EventScheme = 'plover' | 'root' | 'code';

export interface GoldEvent {
  sources: string[];
  /** Empty: the gold names no target, so any target (or none) matches. */
  targets: string[];
  event: string;
}

export interface GoldItem {
  id: string;
  text: string;
  published: string;
  events: GoldEvent[];
}

export interface GoldSet {
  name: string;
  scheme: EventScheme;
  /** CAMEO actor codes (USAGOV, IGOUNO) or Parley actor keys (USA, UN, HAMAS). */
  actorCodes: 'cameo' | 'keys';
  items: GoldItem[];
}

export function readGold(path: string): GoldSet {
  const lower = path.toLowerCase();
  const raw = readFileSync(path, 'utf8');
  if (lower.endsWith('.xml')) return readPetrarchXml(raw, path);
  if (lower.endsWith('.jsonl')) return readParleyJsonl(raw, path);
  if (lower.endsWith('.json')) return readPloverJson(raw, path);
  throw new Error(
    `${path}: unknown gold format: expected .json (PLOVER GSR), .xml (PETRARCH) or .jsonl (Parley)`,
  );
}

interface PloverActor {
  code?: string;
}
interface PloverRecord {
  id: string;
  date?: string;
  text?: string;
  event: string;
  source?: PloverActor[] | null;
  target?: PloverActor[] | string | null;
}

const codesOf = (v: PloverActor[] | string | null | undefined) =>
  Array.isArray(v) ? v.map((a) => a.code ?? '').filter(Boolean) : [];

export function readPloverJson(raw: string, path: string): GoldSet {
  const data = JSON.parse(raw) as PloverRecord[];
  if (!Array.isArray(data)) throw new Error(`${path}: expected a JSON array of PLOVER records`);
  const items: GoldItem[] = [];
  for (const r of data) {
    if (!r.text || r.event === 'DOCUMENT') continue;
    const sources = codesOf(r.source);
    if (sources.length === 0) continue;
    items.push({
      id: r.id,
      text: r.text,
      published: /^\d{4}-\d\d-\d\d$/.test(r.date ?? '') ? (r.date as string) : '2000-01-01',
      events: [{ sources, targets: codesOf(r.target), event: r.event }],
    });
  }
  return { name: path, scheme: 'plover', actorCodes: 'cameo', items };
}

/**
 * The PETRARCH-2 validation file is not well-formed XML (self-closed <Sentence/> tags later closed
 * again, tags inside '#' comment lines), so those two quirks are repaired before parsing.
 */
export function readPetrarchXml(raw: string, path: string): GoldSet {
  const repaired = raw
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .replace(/<Sentence([^>]*?)\/>/g, '<Sentence$1>');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'Sentence' || n === 'EventCoding',
  });
  const doc = parser.parse(repaired) as {
    Validation?: { Sentences?: { Sentence?: Record<string, unknown>[] } };
  };
  const sentences = doc.Validation?.Sentences?.Sentence ?? [];
  const items: GoldItem[] = [];
  for (const s of sentences) {
    if (String(s.evaluate ?? 'true').toLowerCase() === 'false') continue;
    const text = String(s.Text ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const d = String(s.date ?? '');
    const codings = (s.EventCoding as Record<string, string>[] | undefined) ?? [];
    const events: GoldEvent[] = codings
      .filter((c) => c.eventcode)
      .map((c) => ({
        sources: [c.sourcecode ?? ''],
        targets: [c.targetcode ?? ''],
        event: String(c.eventcode),
      }));
    items.push({
      id: String(s.id ?? items.length + 1),
      text,
      published: /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : '2000-01-01',
      events,
    });
  }
  return { name: path, scheme: 'root', actorCodes: 'cameo', items };
}

export function readParleyJsonl(raw: string, path: string): GoldSet {
  const items: GoldItem[] = [];
  // Parley gold is scored on the CAMEO root, whether the file gives full codes or roots.
  const scheme: EventScheme = 'root';
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let r: { id?: unknown; text?: unknown; published?: unknown; events?: unknown };
    try {
      r = JSON.parse(line);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: malformed JSON: ${(e as Error).message}`, { cause: e });
    }
    if (typeof r.text !== 'string') throw new Error(`${path}:${i + 1}: field \`text\` must be a string`);
    if (!Array.isArray(r.events)) throw new Error(`${path}:${i + 1}: field \`events\` must be a list`);
    const events = (r.events as Record<string, unknown>[]).map((e, k) => {
      const event = e.code ?? e.root;
      if (typeof event !== 'string')
        throw new Error(`${path}:${i + 1}: events[${k}] needs \`code\` or \`root\``);
      const list = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
      return { sources: list(e.source), targets: list(e.target), event };
    });
    items.push({
      id: String(r.id ?? i + 1),
      text: r.text,
      published: typeof r.published === 'string' ? r.published.slice(0, 10) : '2000-01-01',
      events,
    });
  });
  return { name: path, scheme, actorCodes: 'keys', items };
}
