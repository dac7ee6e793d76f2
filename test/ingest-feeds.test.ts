/** RSS 2.0, Atom and RSS 1.0 feed files read as articles, and what is wrong with bad feeds. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { feedDate } from '../src/ingest/feed.js';
import { readArticles, type ReadItem } from '../src/ingest/read-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-feeds-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
async function read(paths: string[], date?: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readArticles(paths, date ? { date } : {})) out.push(item);
  return out;
}
const articles = (items: ReadItem[]) => items.flatMap((i) => ('article' in i ? [i.article] : []));
const problems = (items: ReadItem[]) =>
  items.flatMap((i) => ('problem' in i ? [`${i.problem.where}: ${i.problem.message}`] : []));

describe('feed readers', () => {
  it('reads RSS 2.0 items with full content, HTML stripped, dated as published', async () => {
    const p = file(
      'wire.rss',
      `<?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Wire</title>
        <item>
          <title>Russia and Ukraine swap prisoners</title>
          <link>https://wire.test/a</link>
          <guid isPermaLink="false">wire-a</guid>
          <pubDate>Wed, 03 Jan 2024 23:30:00 -0500</pubDate>
          <description>Short summary.</description>
          <content:encoded><![CDATA[<p>Russia and Ukraine exchanged prisoners on Wednesday.</p><script>alert(1)</script><p>The UAE mediated.</p>]]></content:encoded>
        </item>
        <item>
          <title>EU &amp; China talk</title>
          <link>https://wire.test/b</link>
          <pubDate>Thu, 04 Jan 2024 08:00:00 GMT</pubDate>
          <description>&lt;p&gt;The EU and China held talks.&lt;/p&gt;</description>
        </item>
      </channel></rss>`,
    );
    const [a, b] = articles(await read([p]));
    assert.ok(a && b);
    assert.deepEqual(
      [a.id, a.published, a.url, a.title],
      ['wire-a', '2024-01-03', 'https://wire.test/a', 'Russia and Ukraine swap prisoners'],
    );
    assert.match(
      a.text,
      /^Russia and Ukraine swap prisoners\n\nRussia and Ukraine exchanged prisoners on Wednesday\.\n\nThe UAE mediated\.$/,
    );
    assert.doesNotMatch(a.text, /alert/);
    assert.equal(b.id, 'https://wire.test/b', 'the link identifies an item without a guid');
    assert.equal(b.title, 'EU & China talk');
    assert.match(b.text, /The EU and China held talks\./);
    assert.doesNotMatch(b.text, /<p>/);
  });

  it('reads Atom entries and RSS 1.0 items', async () => {
    const atom = file(
      'news.atom',
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
        <entry><id>urn:x:1</id><title type="html">Talks in Istanbul</title>
          <link rel="alternate" href="https://news.test/1"/><link rel="self" href="https://news.test/1.atom"/>
          <published>2025-02-27T09:00:00Z</published><updated>2025-02-28T09:00:00Z</updated>
          <content type="html">&lt;p&gt;US and Russian diplomats met in Istanbul.&lt;/p&gt;</content></entry>
      </feed>`,
    );
    const rdf = file(
      'old.xml',
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Old</title></channel>
        <item><title>Summit</title><link>https://old.test/s</link><dc:date>2019-06-01</dc:date>
          <description>Leaders met at the summit.</description></item>
      </rdf:RDF>`,
    );
    const [x, y] = articles(await read([atom, rdf]));
    assert.deepEqual([x?.id, x?.published, x?.url], ['urn:x:1', '2025-02-27', 'https://news.test/1']);
    assert.match(x?.text ?? '', /diplomats met in Istanbul/);
    assert.deepEqual([y?.id, y?.published], ['https://old.test/s', '2019-06-01']);
  });

  it('names the file and item of what cannot be read', async () => {
    const broken = file('broken.rss', '<rss><channel><item><title>x</title></item>');
    const other = file(
      'sitemap.xml',
      '<?xml version="1.0"?><urlset><url><loc>https://x.test</loc></url></urlset>',
    );
    const undated = file(
      'undated.rss',
      '<rss><channel><item><guid>u1</guid><description>Text.</description></item></channel></rss>',
    );
    const msgs = problems(await read([broken, other, undated]));
    assert.equal(msgs.length, 3, msgs.join('\n'));
    assert.match(msgs[0] ?? '', /broken\.rss: (malformed XML|item 1: feed item)/);
    assert.match(msgs[1] ?? '', /sitemap\.xml: XML but not an RSS or Atom feed/);
    assert.match(msgs[2] ?? '', /undated\.rss: item 1: feed item u1 has no date: pass --date/);
    assert.equal(articles(await read([undated], '2024-01-01'))[0]?.published, '2024-01-01');
  });

  it('reads feed dates as the publisher wrote them', () => {
    assert.equal(feedDate('Tue, 10 Jun 2003 23:30:00 -0500'), '2003-06-10');
    assert.equal(feedDate('2024-03-07T01:00:00+09:00'), '2024-03-07');
    assert.equal(feedDate('7 March 2024'), '2024-03-07');
    assert.equal(feedDate('not a date'), null);
  });
});
