import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { readArticles, type ReadItem } from '../src/ingest/read-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-read-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
async function collect(paths: string[], date?: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readArticles(paths, date ? { date } : {})) out.push(item);
  return out;
}
const problems = (items: ReadItem[]) =>
  items.flatMap((i) => ('problem' in i ? [`${i.problem.where}: ${i.problem.message}`] : []));
const articles = (items: ReadItem[]) => items.flatMap((i) => ('article' in i ? [i.article] : []));

describe('article readers', () => {
  it('reads JSONL and names the line and field of each bad record while keeping the good ones', async () => {
    const p = file(
      'mixed.jsonl',
      [
        JSON.stringify({ id: 'a', text: 'Russia accused Ukraine.', published: '2024-01-02' }),
        '{"id": "b", "text": ',
        JSON.stringify({ id: 'c', published: '2024-01-02' }),
        JSON.stringify({ id: 'd', text: 42, published: '2024-01-02' }),
        JSON.stringify({ id: 'e', text: 'ok', published: 'yesterday' }),
        '[1,2]',
        JSON.stringify({ id: 'f', text: 'The EU met China.', published: '2024-03-04T10:00:00Z' }),
      ].join('\n'),
    );
    const items = await collect([p]);
    assert.deepEqual(
      articles(items).map((a) => [a.id, a.published]),
      [
        ['a', '2024-01-02'],
        ['f', '2024-03-04'],
      ],
    );
    const msgs = problems(items);
    assert.equal(msgs.length, 5);
    assert.match(msgs[0] ?? '', /mixed\.jsonl:2: malformed JSON/);
    assert.match(msgs[1] ?? '', /mixed\.jsonl:3: field `text`: is missing/);
    assert.match(msgs[2] ?? '', /mixed\.jsonl:4: field `text`: must be a string/);
    assert.match(msgs[3] ?? '', /mixed\.jsonl:5: field `published`/);
    assert.match(msgs[4] ?? '', /mixed\.jsonl:6: expected a JSON object/);
  });

  it('reads gzipped JSONL', async () => {
    const p = file(
      'a.jsonl.gz',
      gzipSync(JSON.stringify({ id: 'z', text: 'Hello there.', published: '2020-05-06' })),
    );
    assert.deepEqual(
      articles(await collect([p])).map((a) => a.id),
      ['z'],
    );
  });

  it('rejects binary, empty and mis-encoded files with a reason naming the file', async () => {
    const bin = file('blob.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    const empty = file('empty.txt', '   \n');
    const latin1 = file('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    const items = await collect([bin, empty, latin1], '2024-01-01');
    const msgs = problems(items);
    assert.equal(articles(items).length, 0);
    assert.match(msgs[0] ?? '', /blob\.txt: binary data/);
    assert.match(msgs[1] ?? '', /empty\.txt: empty/);
    assert.match(msgs[2] ?? '', /latin1\.txt: not valid UTF-8 \(first bad byte at offset 3\)/);
  });

  it('extracts the main text, title and date of an HTML page without its scripts', async () => {
    const p = file(
      'page.html',
      `<html><head><title>Site</title><meta property="og:title" content="Talks in Istanbul">
       <meta property="article:published_time" content="2025-02-27T09:00:00Z"><script>alert("x")</script></head>
       <body><nav>Home | World</nav><article><h1>Talks in Istanbul</h1>
       <p>US and Russian diplomats met in Istanbul on Thursday for talks on the work of their embassies, officials said.</p>
       <p>The meeting lasted more than six hours and was hosted by Turkey, which has offered to mediate between the two sides.</p>
       <p onclick="steal()">Both delegations described the talks as constructive and agreed to meet again in the spring.</p>
       </article></body></html>`,
    );
    const [a] = articles(await collect([p]));
    assert.ok(a);
    assert.equal(a.published, '2025-02-27');
    assert.match(a.text, /diplomats met in Istanbul/);
    assert.doesNotMatch(a.text, /alert|steal/);
  });

  it('walks directories and reports missing paths', async () => {
    file('sub-a.md', '# Title\n\nRussia and China held talks. 2024-05-01');
    const items = await collect([dir, join(dir, 'nope.txt')], '2024-05-01');
    assert.ok(problems(items).some((m) => /nope\.txt: no such file/.test(m)));
    assert.ok(articles(items).some((a) => a.id === 'sub-a.md'));
  });
});
