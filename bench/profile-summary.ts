/**
 * Where the time goes: aggregates a V8 .cpuprofile (from `node --cpu-prof`) into self time by
 * function, by file and by area (wink-nlp, each coder stage, GC…), inclusive time by function,
 * and the hottest source lines. Compiled JavaScript positions are mapped back to the TypeScript
 * sources through the .js.map files beside them.
 *
 *   node dist/bench/profile-summary.js PROFILE.cpuprofile [--top 25] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Row {
  name: string;
  ms: number;
  percent: number;
}
export interface ProfileSummary {
  totalMs: number;
  samples: number;
  byArea: Row[];
  byFile: Row[];
  selfByFunction: Row[];
  inclusiveByFunction: Row[];
  hotLines: Row[];
}

/** Maps dist/…/x.js positions to src/…/x.ts through the source maps, cached per file. */
class Locator {
  private maps = new Map<string, SourceMap | null>();
  private lines = new Map<string, string[]>();
  constructor(private readonly root: string) {}

  /** The column of the first non-blank character of a compiled line: what a line tick means. */
  firstColumn(url: string, line0: number): number {
    const path = this.path(url);
    if (path === null) return 0;
    let lines = this.lines.get(path);
    if (!lines) {
      lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
      this.lines.set(path, lines);
    }
    const text = lines[line0] ?? '';
    const col = text.search(/\S/);
    return col < 0 ? 0 : col;
  }

  private map(path: string): SourceMap | null {
    if (!this.maps.has(path)) {
      let m: SourceMap | null = null;
      const file = `${path}.map`;
      if (existsSync(file)) {
        try {
          m = new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload);
        } catch {
          m = null;
        }
      }
      this.maps.set(path, m);
    }
    return this.maps.get(path) ?? null;
  }

  /** "src/coder/stages/nlp.ts:57" for a 0-based line/column in a compiled file, else the JS file:line. */
  where(url: string, line0: number, column0: number): string {
    const path = this.path(url);
    if (path === null) return url || '(native)';
    const m = this.map(path);
    if (m) {
      const e = m.findEntry(line0, Math.max(0, column0)) as {
        originalSource?: string;
        originalLine?: number;
      };
      if (e && e.originalSource !== undefined && e.originalLine !== undefined) {
        const src = e.originalSource.startsWith('file:')
          ? fileURLToPath(e.originalSource)
          : resolve(dirname(path), e.originalSource);
        return `${this.short(src)}:${e.originalLine + 1}`;
      }
    }
    return `${this.short(path)}:${line0 + 1}`;
  }

  file(url: string): string {
    const path = this.path(url);
    if (path === null) return url || '(native)';
    const m = this.map(path);
    if (m) {
      const e = m.findEntry(0, 0) as { originalSource?: string };
      if (e?.originalSource) {
        const src = e.originalSource.startsWith('file:')
          ? fileURLToPath(e.originalSource)
          : resolve(dirname(path), e.originalSource);
        return this.short(src);
      }
    }
    return this.short(path);
  }

  private path(url: string): string | null {
    if (url.startsWith('file://')) return fileURLToPath(url);
    if (url.startsWith('/')) return url;
    return null;
  }

  private short(path: string): string {
    const nm = path.lastIndexOf('/node_modules/');
    if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
    const rel = relative(this.root, path);
    return rel.startsWith('..') ? path : rel;
  }
}

/** A coarse bucket for a frame: GC, wink-nlp, a coder stage, node internals… */
function area(frame: CallFrame, file: string): string {
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)' || name === '(idle)' || name === '(root)') return `V8 ${name}`;
  if (file.startsWith('wink-eng-lite-web-model')) return 'wink model';
  if (file.startsWith('wink-')) return 'wink-nlp';
  if (file.startsWith('node:') || frame.url.startsWith('node:')) return 'node internals';
  if (!frame.url) return `native (${name || 'anonymous'})`;
  if (file.includes('node_modules') || !file.startsWith('src/')) {
    const slash = file.indexOf('/');
    return slash > 0 ? file.slice(0, file.startsWith('@') ? file.indexOf('/', slash + 1) : slash) : file;
  }
  return file.replace(/:\d+$/, '');
}

function top(m: Map<string, number>, total: number, limit: number): Row[] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 100) / 10,
      percent: total > 0 ? Math.round((us / total) * 1000) / 10 : 0,
    }));
}

export function summariseProfile(profile: CpuProfile, root: string, limit = 25): ProfileSummary {
  const locate = new Locator(root);
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const c of node.children ?? []) parent.set(c, node.id);
  }
  const fnKey = new Map<number, string>();
  const fileOf = new Map<number, string>();
  const areaOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const file = locate.file(f.url);
    const at = f.url ? locate.where(f.url, f.lineNumber, f.columnNumber) : '';
    fnKey.set(node.id, `${f.functionName || '(anonymous)'}${at ? ` ${at}` : ''}`);
    fileOf.set(node.id, file);
    areaOf.set(node.id, area(f, file));
  }

  // Sample i lasts until sample i+1 (timeDeltas[i+1]); the last one gets the mean.
  const n = profile.samples.length;
  const deltas = profile.timeDeltas;
  const mean = n > 1 ? (profile.endTime - profile.startTime) / n : 0;
  const selfUs = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const id = profile.samples[i] as number;
    const d = i + 1 < n ? Math.max(0, deltas[i + 1] ?? 0) : mean;
    selfUs.set(id, (selfUs.get(id) ?? 0) + d);
  }
  let total = 0;
  for (const v of selfUs.values()) total += v;
  const idle = [...selfUs.entries()]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((s, [, v]) => s + v, 0);
  const busy = total - idle;

  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const areas = new Map<string, number>();
  const files = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const lines = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    add(areas, areaOf.get(id) ?? '?', us);
    add(files, fileOf.get(id) ?? '?', us);
    add(self, fnKey.get(id) ?? '?', us);
    // Inclusive: every distinct function on the stack gets the sample once (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = fnKey.get(cur) ?? '?';
      if (!seen.has(k)) {
        seen.add(k);
        add(inclusive, k, us);
      }
    }
    // Hot lines: spread the node's self time over its line ticks.
    const ticks = node.positionTicks ?? [];
    const sum = ticks.reduce((s, t) => s + t.ticks, 0);
    if (sum > 0 && node.callFrame.url)
      for (const t of ticks)
        add(
          lines,
          `${locate.where(node.callFrame.url, t.line - 1, locate.firstColumn(node.callFrame.url, t.line - 1))}` +
            ` (${node.callFrame.functionName || 'anonymous'})`,
          (us * t.ticks) / sum,
        );
  }
  for (const k of [...inclusive.keys()])
    if (k.startsWith('(root)') || k.startsWith('(program)')) inclusive.delete(k);
  return {
    totalMs: Math.round(busy / 1000),
    samples: n,
    byArea: top(areas, busy, limit),
    byFile: top(files, busy, limit),
    selfByFunction: top(self, busy, limit),
    inclusiveByFunction: top(inclusive, busy, limit),
    hotLines: top(lines, busy, limit),
  };
}

export function formatSummary(s: ProfileSummary): string {
  const table = (title: string, rows: Row[]) => [
    `${title}`,
    ...rows.map(
      (r) => `  ${r.percent.toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`,
    ),
    '',
  ];
  return [
    `profile: ${s.samples.toLocaleString('en-US')} samples, ${s.totalMs.toLocaleString('en-US')} ms busy`,
    '',
    ...table('self time by area', s.byArea),
    ...table('self time by file', s.byFile),
    ...table('self time by function', s.selfByFunction),
    ...table('inclusive time by function', s.inclusiveByFunction),
    ...table('hottest lines (self time)', s.hotLines),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      json: { type: 'boolean', default: false },
      root: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile-summary.js PROFILE.cpuprofile [--top N] [--json]\n');
    process.exitCode = 2;
    return;
  }
  const root = values.root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summariseProfile(profile, root, Number(values.top) || 25);
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
