/** Main text, title and publication date of an HTML page, via Readability over a linkedom DOM. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedPage {
  title: string | null;
  text: string;
  published: string | null;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[itemprop="datePublished"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

export function extractHtml(html: string): ExtractedPage {
  const { document } = parseHTML(html);
  let published: string | null = null;
  for (const sel of DATE_META) {
    const v = document.querySelector(sel)?.getAttribute('content');
    if (v && /^\d{4}-\d{2}-\d{2}/.test(v)) {
      published = v.slice(0, 10);
      break;
    }
  }
  if (!published) {
    const t = document.querySelector('time[datetime]')?.getAttribute('datetime');
    if (t && /^\d{4}-\d{2}-\d{2}/.test(t)) published = t.slice(0, 10);
  }
  const metaTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null;
  // Scripts and styles never carry article text.
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const parsed = new Readability(document as unknown as Document).parse();
  const blocks = parsed?.content ? textBlocks(parsed.content) : (document.body?.textContent ?? '');
  return {
    title: parsed?.title || metaTitle || document.querySelector('title')?.textContent?.trim() || null,
    text: blocks
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    published,
  };
}

/**
 * Text of an HTML fragment such as a feed item's description: scripts dropped, paragraphs kept.
 * Plain text passes through unchanged.
 */
export function fragmentText(fragment: string): string {
  if (!/<[a-z!/]/i.test(fragment)) return fragment.replace(/[ \t]+/g, ' ').trim();
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  return textBlocks(document.body?.innerHTML ?? '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Paragraph-preserving text of Readability's cleaned HTML. */
function textBlocks(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  for (const el of document.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, td')) {
    const t = el.textContent?.replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  return parts.length ? parts.join('\n\n') : (document.body?.textContent ?? '');
}
