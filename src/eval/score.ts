/**
 * Scores coded events against gold as precision / recall / F1 over (source key, target key, event)
 * triples, overall and per event class. Pure.
 */
import type { CodedEvent } from '../coder/types.js';
import type { EventScheme, GoldEvent, GoldItem, GoldSet } from './gold.js';

/** Legacy CAMEO country codes used in older gold files. */
const LEGACY_CODES: Record<string, string> = {
  JAP: 'JPN',
  ITL: 'ITA',
  VTN: 'VNM',
  ROM: 'ROU',
  ZAR: 'COD',
  BUR: 'MMR',
};
/** CAMEO IGO codes -> Parley keys. */
const IGO_CODES: Record<string, string> = {
  UNO: 'UN',
  NAT: 'NATO',
  EUR: 'EU',
  EEC: 'EU',
  OSC: 'OSCE',
  AFU: 'AU',
  ASN: 'ASEAN',
  ARL: 'ARAB',
  GCC: 'GCC',
  IMF: 'IMF',
  WBK: 'WB',
  WTO: 'WTO',
  WHO: 'WHO',
  IAE: 'IAEA',
  ICC: 'ICC',
  ICJ: 'ICJ',
  OPC: 'OPEC',
  OAS: 'OAS',
  RCR: 'ICRC',
  SCO: 'SCO',
  CIS: 'CIS',
  COE: 'COE',
};

/**
 * A gold actor code as a matcher: "USAGOV" -> USA, "IGOUNO" -> UN, bare "IGO" -> any international
 * organisation, "---LEG" (unknown state) -> nothing Parley could name.
 */
export function goldKey(code: string): string {
  const c = code.trim().toUpperCase();
  if (!c || c.startsWith('---')) return '?';
  if (c.startsWith('IGO')) {
    const rest = c.slice(3);
    for (let k = 0; k + 3 <= rest.length; k += 3) {
      const org = IGO_CODES[rest.slice(k, k + 3)];
      if (org) return org;
    }
    return '*IGO';
  }
  if (c === 'NGO' || c.startsWith('NGO')) return '*NGO';
  if (c.startsWith('IMG')) return c.includes('ISI') ? 'ISIS' : '*GROUP';
  const head = c.slice(0, 3);
  return LEGACY_CODES[head] ?? head;
}

export interface PredictedActor {
  key: string;
  country: string | null;
  kind: 'country' | 'igo' | 'bloc' | 'group' | 'ngo' | 'person';
}

function actorMatches(gold: string, p: PredictedActor): boolean {
  if (gold === '?') return false;
  if (gold === '*IGO') return p.kind === 'igo';
  if (gold === '*NGO') return p.kind === 'ngo';
  if (gold === '*GROUP') return p.kind === 'group';
  // A group rooted in a state (Hamas, the Houthis) is coded by its state in older gold.
  return p.key === gold || (p.kind === 'group' && p.country === gold);
}

/** CAMEO code -> the PLOVER 0.5 event types used by the PLOVER GSR. */
export function ploverGsrType(cameo: string): string | null {
  const root = cameo.slice(0, 2);
  if (root === '08') {
    const sub = Number(cameo.slice(2, 3));
    return sub >= 4 ? 'RETREAT' : 'CONCEDE';
  }
  const byRoot: Record<string, string> = {
    '01': '',
    '02': 'DEMAND',
    '03': 'AGREE',
    '04': 'CONSULT',
    '05': 'SUPPORT',
    '06': 'COOPERATE',
    '07': 'AID',
    '09': 'INVESTIGATE',
    '10': 'DEMAND',
    '11': 'DISAPPROVE',
    '12': 'REJECT',
    '13': 'THREATEN',
    '14': 'PROTEST',
    '15': 'MOBILIZE',
    '16': 'SANCTION',
    '17': 'COERCE',
    '18': 'ASSAULT',
    '19': 'FIGHT',
    '20': 'ASSAULT',
  };
  return byRoot[root] || null;
}

export function eventClass(scheme: EventScheme, cameo: string): string | null {
  if (scheme === 'plover') return ploverGsrType(cameo);
  if (scheme === 'root') return cameo.slice(0, 2);
  return cameo;
}

const goldClass = (scheme: EventScheme, e: string) =>
  scheme === 'plover' ? e : scheme === 'root' ? e.slice(0, 2) : e;

export interface PredictedTriple {
  source: PredictedActor;
  target: PredictedActor | null;
  event: string;
  cameo: string;
  text: string;
}

export interface GoldTriple {
  source: string;
  target: string | null;
  event: string;
}

export function goldTriples(
  events: GoldEvent[],
  scheme: EventScheme,
  actorCodes: GoldSet['actorCodes'] = 'cameo',
): GoldTriple[] {
  // Parley's own gold already names actors by key ("BOKOHARAM", "UN"), not by CAMEO code.
  const key = (code: string) => (actorCodes === 'keys' ? code.trim().toUpperCase() : goldKey(code));
  const out: GoldTriple[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const targets = e.targets.filter((t) => t.trim() !== '');
    for (const s of e.sources) {
      for (const t of targets.length ? targets : [null]) {
        const triple = {
          source: key(s),
          target: t == null ? null : key(t),
          event: goldClass(scheme, e.event),
        };
        const k = `${triple.source}|${triple.target}|${triple.event}`;
        if (!seen.has(k)) {
          seen.add(k);
          out.push(triple);
        }
      }
    }
  }
  return out;
}

function tripleMatches(g: GoldTriple, p: PredictedTriple): boolean {
  if (g.event !== p.event || !actorMatches(g.source, p.source)) return false;
  if (g.target == null) return true;
  return p.target != null && actorMatches(g.target, p.target);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ItemResult {
  item: GoldItem;
  matched: { gold: GoldTriple; predicted: PredictedTriple }[];
  misses: GoldTriple[];
  falseAlarms: PredictedTriple[];
}

/** One-to-one greedy matching of predicted to gold triples within one item. */
export function scoreItem(
  item: GoldItem,
  predicted: PredictedTriple[],
  scheme: EventScheme,
  actorCodes: GoldSet['actorCodes'] = 'cameo',
): ItemResult {
  const gold = goldTriples(item.events, scheme, actorCodes);
  const used = new Set<number>();
  const matched: ItemResult['matched'] = [];
  const misses: GoldTriple[] = [];
  // Gold with a named target first, so a target-less gold triple does not take their match.
  const order = gold
    .map((g, i) => ({ g, i }))
    .sort((a, b) => Number(a.g.target == null) - Number(b.g.target == null));
  for (const { g } of order) {
    const k = predicted.findIndex((p, j) => !used.has(j) && tripleMatches(g, p));
    if (k >= 0) {
      used.add(k);
      matched.push({ gold: g, predicted: predicted[k] as PredictedTriple });
    } else misses.push(g);
  }
  const falseAlarms = predicted.filter((_, j) => !used.has(j));
  return { item, matched, misses, falseAlarms };
}

export function predictedTriples(
  events: CodedEvent[],
  scheme: EventScheme,
  kindOf: (key: string) => PredictedActor['kind'],
): PredictedTriple[] {
  const out: PredictedTriple[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if (e.negated) continue;
    const event = eventClass(scheme, e.cameo);
    if (!event) continue;
    const k = `${e.source.key}|${e.target?.key ?? ''}|${event}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({
      source: { key: e.source.key, country: e.source.country, kind: kindOf(e.source.key) },
      target: e.target ? { key: e.target.key, country: e.target.country, kind: kindOf(e.target.key) } : null,
      event,
      cameo: e.cameo,
      text: `${e.source.text} —${e.action.text}→ ${e.target?.text ?? '∅'}`,
    });
  }
  return out;
}

export interface Scores {
  overall: Counts & { precision: number; recall: number; f1: number };
  byClass: Record<string, Counts & { precision: number; recall: number; f1: number }>;
}

export function prf(c: Counts) {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export function summarise(results: ItemResult[]): Scores {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const by = new Map<string, Counts>();
  const bump = (cls: string, f: keyof Counts) => {
    const c = by.get(cls) ?? { tp: 0, fp: 0, fn: 0 };
    c[f]++;
    by.set(cls, c);
  };
  for (const r of results) {
    for (const m of r.matched) {
      total.tp++;
      bump(m.gold.event, 'tp');
    }
    for (const g of r.misses) {
      total.fn++;
      bump(g.event, 'fn');
    }
    for (const p of r.falseAlarms) {
      total.fp++;
      bump(p.event, 'fp');
    }
  }
  const byClass: Scores['byClass'] = {};
  for (const [k, c] of [...by.entries()].sort(([a], [b]) => a.localeCompare(b))) byClass[k] = prf(c);
  return { overall: prf(total), byClass };
}
