/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feed files: each item with text becomes an article (its id the
 * guid, entry id or link; its text the full content when the feed carries it, else the summary).
 */
import { XMLParser } from 'fast-xml-parser';
import type { Article } from '../coder/types.js';
import { fragmentText } from './html.js';

export type FeedItem = { article: Article } | { problem: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  textNodeName: '#text',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** Is this XML a feed? Judged from its opening, so other XML is reported rather than misread. */
export function looksLikeFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

type Node = Record<string, unknown>;

const text = (v: unknown): string => {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return '';
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The publication day as the publisher wrote it (ISO 8601 or RFC 822), not shifted to UTC. */
export function feedDate(raw: string): string | null {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  const month = rfc ? MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) : -1;
  if (rfc && month >= 0)
    return `${rfc[3]}-${String(month + 1).padStart(2, '0')}-${(rfc[1] ?? '').padStart(2, '0')}`;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function atomLink(links: unknown): string {
  if (!Array.isArray(links)) return text(links);
  const nodes = links as (Node | string)[];
  const alt =
    nodes.find((l) => typeof l === 'object' && (l['@_rel'] ?? 'alternate') === 'alternate') ?? nodes[0];
  return typeof alt === 'object' ? text(alt['@_href'] ?? alt['#text']) : text(alt);
}

function itemArticle(item: Node, fallbackDate: string | undefined): FeedItem {
  const title = fragmentText(text(item.title)).trim();
  const url = atomLink(item.link).trim();
  const id = (text(item.guid) || text(item.id) || url).trim();
  const body = text(item.encoded) || text(item.content) || text(item.description) || text(item.summary);
  const content = fragmentText(body).trim();
  const rawDate = text(item.pubDate) || text(item.published) || text(item.updated) || text(item.date);
  const published = (rawDate && feedDate(rawDate)) || fallbackDate || null;
  if (!id) return { problem: 'feed item has no guid, id or link to identify it: skipped' };
  if (!content)
    return { problem: `feed item ${id} has no text (no content, description or summary): skipped` };
  if (!published) return { problem: `feed item ${id} has no date: pass --date YYYY-MM-DD` };
  return {
    article: {
      id,
      published,
      // The headline carries the event as often as the body: code it with the text.
      text: title && !content.startsWith(title) ? `${title}\n\n${content}` : content,
      ...(title ? { title } : {}),
      ...(url ? { url } : {}),
    },
  };
}

export function parseFeed(xml: string, fallbackDate?: string): FeedItem[] {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return [{ problem: `malformed XML: ${(e as Error).message.split('\n')[0]}` }];
  }
  const rss = doc.rss as Node | undefined;
  const channel = (rss?.channel ?? (doc.RDF as Node | undefined)?.channel) as Node | undefined;
  const items =
    (rss ? (channel?.item as Node[] | undefined) : undefined) ??
    ((doc.RDF as Node | undefined)?.item as Node[] | undefined) ??
    ((doc.feed as Node | undefined)?.entry as Node[] | undefined);
  if (!items) {
    return [{ problem: rss || doc.feed || doc.RDF ? 'feed has no items' : 'not an RSS or Atom feed' }];
  }
  return items.map((item) => itemArticle(item, fallbackDate));
}
