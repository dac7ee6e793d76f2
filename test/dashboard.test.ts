/**
 * The dashboard in real Chromium over a store filled from the sample corpus: the relations chart,
 * an event's highlighted evidence, ingest through the form, and a hostile article that must run
 * nothing. Skipped, visibly, where /usr/bin/chromium is absent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ArticleView, Store } from '../src/store/store.js';
import { browserMissing, launchChromium } from './dashboard-browser.js';
import { corpusStore, hostileJsonl, HOSTILE_TEXT, listen, serverOver } from './server-fixture.js';

const TOKEN = 'dashboard-test-token';
const missing = browserMissing();
if (missing) console.log(`# skipped: ${missing}`);

describe('the dashboard in Chromium', { skip: missing ?? false, timeout: 120_000 }, () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  const pageErrors: string[] = [];

  before(async () => {
    store = await corpusStore();
    app = await serverOver(store, { token: TOKEN });
    base = await listen(app);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(15_000);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await app?.close();
    await store?.close();
  });

  async function open(hash: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${hash}: ${e.message}`));
    page.on('dialog', (d) => {
      pageErrors.push(`${hash}: a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${base}/${hash}`);
    return page;
  }

  it('shows the USA–RUS relations chart populated', async () => {
    const page = await open('#/relations?a=USA&b=RUS&by=week');
    const chart = page.locator('#dyad-chart[data-events]');
    await chart.waitFor();
    const count = Number(await chart.getAttribute('data-events'));
    assert.ok(count > 5, `events in the chart: ${count}`);
    assert.ok(Number(await chart.getAttribute('data-periods')) > 2);
    await page.locator('#dyad-chart canvas').first().waitFor();
    assert.match(
      (await page.locator('.range').textContent()) ?? '',
      /Selected \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: \d+ events/,
    );
    // The picker: another pair through the form.
    await page.fill('input[name=a]', 'RUS');
    await page.fill('input[name=b]', 'UKR');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/a=RUS&b=UKR/);
    await page.locator('#dyad-chart[data-events]').waitFor();
    assert.match((await page.locator('.status').textContent()) ?? '', /RUS ↔ UKR: \d+ events/);
    await page.close();
  });

  it('draws the actor network', async () => {
    const page = await open('#/network');
    const graph = page.locator('#network-graph[data-nodes]');
    await graph.waitFor();
    assert.ok(Number(await graph.getAttribute('data-nodes')) > 3);
    assert.ok(Number(await graph.getAttribute('data-edges')) > 3);
    await page.locator('#network-graph canvas').first().waitFor();
    await page.close();
  });

  it('opens an event from the table with its evidence highlighted', async () => {
    const page = await open('#/events?dyad=USA,RUS');
    const first = page.locator('#events-table tbody tr').first();
    await first.waitFor();
    const eventId = await first.getAttribute('data-event');
    const articleId = (await first.getAttribute('data-article'))!;
    // Sorting by Goldstein reorders the rows.
    await page.click('th[data-key=goldstein] button');
    assert.equal(await page.getAttribute('th[data-key=goldstein]', 'aria-sort'), 'ascending');
    await page.locator(`#events-table tbody tr[data-event="${eventId}"]`).click();
    await page.locator('#article-text mark.hl-action').waitFor();
    const view = (await (
      await fetch(`${base}/api/articles/${encodeURIComponent(articleId)}`)
    ).json()) as ArticleView;
    const e = view.events.find((x) => x.id === eventId)!;
    assert.equal(await page.locator('#article-text mark.hl-action').textContent(), e.action.text);
    assert.equal(await page.locator('#article-text mark.hl-source').first().textContent(), e.source.text);
    if (e.target)
      assert.equal(await page.locator('#article-text mark.hl-target').first().textContent(), e.target.text);
    const why = (await page.locator('#event-why').textContent()) ?? '';
    assert.ok(why.includes(e.rule), why);
    assert.match(why, /Confidence/);
    assert.equal(await page.locator('#article-text').textContent(), view.article.text);
    await page.close();
  });

  it('ingests an article through the form and finds its events', async () => {
    const page = await open('#/add');
    const text =
      'BEIJING, April 8 (Reuters) - Chinese Foreign Minister Wang Yi met Indian External Affairs Minister ' +
      'Subrahmanyam Jaishankar in Beijing on Tuesday. Russian Foreign Minister Sergei Lavrov accused the United States of provoking Ukraine.';
    await page.fill('textarea[name=text]', text);
    await page.fill('input[name=date]', '2025-04-08');
    await page.fill('input[name=title]', 'Form article');
    await page.fill('input[name=token]', 'wrong-token');
    await page.click('.add-form button[type=submit]');
    await page.locator('#ingest-result .error').waitFor();
    assert.match((await page.locator('#ingest-result').textContent()) ?? '', /wrong token/);
    await page.fill('input[name=token]', TOKEN);
    await page.click('.add-form button[type=submit]');
    const link = page.locator('#ingest-result a.events-link');
    await link.waitFor();
    const articleId = (await page.locator('#ingest-result li[data-article]').getAttribute('data-article'))!;
    await link.click();
    await page.locator(`#events-table tbody tr[data-article="${articleId}"]`).first().waitFor();
    const rows = await page.locator('#events-table tbody tr').count();
    assert.ok(rows > 0);
    assert.equal(await page.locator(`#events-table tbody tr[data-article="${articleId}"]`).count(), rows);
    await page.close();
  });

  it('runs nothing from a hostile article', async () => {
    const r = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-ndjson' },
      body: hostileJsonl('hostile-1'),
    });
    assert.equal(r.status, 200);
    // The same markup pasted as text through the form.
    const form = await open('#/add');
    await form.fill('textarea[name=text]', HOSTILE_TEXT);
    await form.fill('input[name=title]', '<img src=x onerror="window.__pwned=1">');
    await form.fill('input[name=token]', TOKEN);
    await form.click('.add-form button[type=submit]');
    await form.locator('#ingest-result li[data-article]').waitFor();
    const pastedId = (await form.locator('#ingest-result li[data-article]').getAttribute('data-article'))!;
    assert.equal(await form.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await form.close();

    for (const id of ['hostile-1', pastedId]) {
      const page = await open(`#/article/${encodeURIComponent(id)}`);
      await page.locator('#article-text').waitFor();
      const firstEvent = page.locator('.event-list a').first();
      if (await firstEvent.count()) {
        await firstEvent.click();
        await page.locator('#article-text mark.hl-action').waitFor();
      }
      const shown = (await page.locator('#article-text').textContent()) ?? '';
      assert.ok(shown.includes('<script>window.__pwned=1</script>'), 'markup is shown as text');
      assert.ok(shown.includes('onerror="window.__pwned=1"'));
      assert.equal(await page.locator('main script, main img, main iframe, main b').count(), 0);
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
      for (const a of await page.locator('a[href]').all()) {
        const href = (await a.getAttribute('href')) ?? '';
        assert.ok(/^(#|https?:)/.test(href), `link ${href}`);
      }
      // Hover and click over the article text, where event-handler markup would sit.
      await page.locator('#article-text').hover();
      await page.locator('#article-text').click({ position: { x: 20, y: 20 } });
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      await page.close();
    }

    for (const hash of ['#/events?article=hostile-1', '#/statements?text=respond']) {
      const page = await open(hash);
      await page.locator('table[data-rows]').waitFor();
      await page.waitForTimeout(100);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.equal(await page.locator('main script, main img').count(), 0);
      await page.close();
    }
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    phone.setDefaultTimeout(15_000);
    try {
      const page = await phone.newPage();
      await page.goto(`${base}/#/events?dyad=USA,RUS`);
      await page.locator('#events-table tbody tr').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `page wider than the phone by ${overflow}px`);
      await page.goto(`${base}/#/relations?a=USA&b=RUS`);
      await page.locator('#dyad-chart canvas').first().waitFor();
      const box = await page.locator('#dyad-chart').boundingBox();
      assert.ok(box && box.width <= 390 && box.width > 300, `chart width ${box?.width}`);
    } finally {
      await phone.close();
    }
  });

  it('raised no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
