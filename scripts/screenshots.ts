/**
 * `npm run screenshots`: serves the sample corpus from a temporary store, opens each dashboard view
 * in Debian's Chromium and saves docs/screenshots/*.png (laptop width, plus two at phone width).
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { packageRoot } from '../src/dictionaries/load.js';
import { createCoderPool } from '../src/ingest/coder-pool.js';
import { ingest } from '../src/ingest/ingest.js';
import { readArticles } from '../src/ingest/read-articles.js';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/dashboard-browser.js';

const root = packageRoot();
const out = join(root, 'docs', 'screenshots');

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`screenshots: ${CHROMIUM} is absent: apt-get install chromium\n`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const store = await openStore(join(mkdtempSync(join(tmpdir(), 'parley-shots-')), 'parley.db'));
const pool = createCoderPool({ workers: 2 });
await ingest(store, pool, readArticles([join(root, 'samples', 'corpus.jsonl')]));
await pool.close();
const app = await buildServer({ store, token: 'screenshots' });
const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, '--hide-scrollbars'],
  timeout: 30_000,
});

async function shot(
  page: Page,
  hash: string,
  ready: string,
  file: string,
  prepare?: (p: Page) => Promise<void>,
) {
  await page.goto(`${base}/${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  if (prepare) await prepare(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, file), fullPage: false });
  process.stdout.write(`screenshots: ${file}\n`);
}

try {
  const laptop = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await shot(laptop, '#/relations?a=USA&b=RUS&by=week', '#dyad-chart canvas', 'relations.png');
  await shot(laptop, '#/network', '#network-graph canvas', 'network.png');
  await shot(laptop, '#/events?dyad=USA,RUS', '#events-table tbody tr', 'events.png');
  const first = await laptop.locator('#events-table tbody tr').first();
  const article = await first.getAttribute('data-article');
  const event = await first.getAttribute('data-event');
  await shot(
    laptop,
    `#/article/${encodeURIComponent(article ?? '')}?event=${encodeURIComponent(event ?? '')}`,
    '#article-text mark.hl-action',
    'article.png',
  );
  await shot(laptop, '#/statements?text=talks', '#statements-table[data-rows]', 'statements.png');
  await shot(laptop, '#/add', '.add-form', 'add.png', async (p) => {
    await p.fill(
      'textarea[name=text]',
      'MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov accused the United States of provoking Ukraine on Monday.',
    );
    await p.fill('input[name=token]', 'screenshots');
    await p.click('.add-form button[type=submit]');
    await p.locator('#ingest-result a.events-link').waitFor({ timeout: 15_000 });
  });
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    deviceScaleFactor: 2,
  });
  await shot(phone, '#/relations?a=USA&b=RUS&by=month', '#dyad-chart canvas', 'phone-relations.png');
  await shot(phone, '#/events?dyad=USA,RUS', '#events-table tbody tr', 'phone-events.png');
} finally {
  await browser.close();
  await app.close();
  await store.close();
}
