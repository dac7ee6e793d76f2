/**
 * One token trie for every name and role phrase in the dictionary, so a sentence is matched in a
 * single left-to-right pass (longest match) rather than one pattern per name.
 */
import type { CompiledDictionary, NameHit } from '../dictionaries/types.js';
import type { Sector } from './types.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  names: NameHit[] | null;
  role: Sector | null;
}

const node = (): TrieNode => ({ next: new Map(), names: null, role: null });

export interface GazetteerMatch {
  /** Tokens matched: [from, to). */
  from: number;
  to: number;
  names: NameHit[];
  role: Sector | null;
}

export class Gazetteer {
  private readonly root = node();

  constructor(dict: CompiledDictionary) {
    for (const [surface, hits] of Object.entries(dict.names)) this.insert(surface).names = hits;
    for (const [surface, sector] of Object.entries(dict.roles)) this.insert(surface).role ??= sector;
  }

  private insert(surface: string): TrieNode {
    let n = this.root;
    for (const t of surface.split(' ')) {
      let child = n.next.get(t);
      if (!child) n.next.set(t, (child = node()));
      n = child;
    }
    return n;
  }

  /**
   * Longest name or role starting at token `i` whose letter case fits (upper-case acronyms such as
   * "US" or "WHO" only as written; capitalised names only when capitalised in the text).
   */
  matchAt(lower: string[], value: string[], i: number, limit: number): GazetteerMatch | null {
    let n: TrieNode | undefined = this.root;
    let best: GazetteerMatch | null = null;
    for (let j = i; j < limit; j++) {
      n = n.next.get(lower[j] ?? '');
      if (!n) break;
      // Most trie steps carry neither names nor a role: allocate only for those that do.
      if (n.names === null && n.role === null) continue;
      const names = n.names === null ? [] : n.names.filter((h) => caseFits(h.caseMask, value, i));
      if (names.length || n.role) best = { from: i, to: j + 1, names, role: n.role };
    }
    return best;
  }
}

const UPPER_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/** Whether a word starts with a capital letter or a digit; the regex only for non-ASCII starts. */
function startsCapitalOrDigit(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return UPPER_OR_DIGIT.test(v);
}

function caseFits(mask: string, value: string[], from: number): boolean {
  for (let k = 0; k < mask.length; k++) {
    const v = value[from + k] ?? '';
    const m = mask.charCodeAt(k);
    if (m === 0x55 /* U */ && v !== v.toUpperCase()) return false;
    if (m === 0x43 /* C */ && !startsCapitalOrDigit(v)) return false;
  }
  return true;
}
