// The customer chat widget in a real browser (Debian's chromium, driven by playwright-core) against
// a real joxai-server: the demo page, a strict-CSP bank page on another origin, French, Arabic
// (right to left), phones, keyboard only, script payloads, a lost socket, reloads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import { freePort, launchBrowser, repoDir, staffSession, startHostPages, startServer, watchPage } from './harness.mjs';

const shots = path.join(repoDir, 'docs', 'screenshots');
const UI = 15000; // how long a step may take to show up (the local assistant answers in milliseconds)

let server, pages, browser, staff, pagesUrl;

before(async () => {
  const pagesPort = await freePort();
  pagesUrl = `http://127.0.0.1:${pagesPort}`;
  server = await startServer({ CORS_ORIGINS: pagesUrl });
  pages = await startHostPages(pagesPort, server.url);
  browser = await launchBrowser(chromium);
  staff = await staffSession(server.url);
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (pages) await pages.close().catch(() => {});
  if (server) await server.stop();
});

async function newPage(viewport = { width: 1280, height: 800 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const seen = await watchPage(page);
  return { context, page, seen };
}

// The widget lives in an open shadow root: playwright's CSS locators go through it.
const $ = (page, css) => page.locator(css);

async function openWidget(page) {
  await $(page, '.jx-launcher').click();
  await $(page, '.jx-panel').waitFor({ state: 'visible', timeout: UI });
}

async function conversationOf(page, serverUrl = server.url) {
  const state = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) || 'null'), 'joxai-widget:' + serverUrl);
  assert.ok(state && state.id, 'the widget keeps its conversation in sessionStorage');
  return state;
}

async function ask(page, text) {
  await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI }); // the greeting: the conversation is there
  const before = await $(page, '.jx-msg-assistant').count();
  await $(page, '.jx-input').fill(text);
  await $(page, '.jx-input').press('Enter');
  await page.waitForFunction((n) => {
    const root = document.querySelector('.joxai-widget-host').shadowRoot;
    return root.querySelectorAll('.jx-msg-assistant').length > n;
  }, before, { timeout: UI });
  return $(page, '.jx-msg-assistant').last();
}

async function cspViolations(page) {
  return page.evaluate(() => window.__csp || []);
}

async function activeInWidget(page) {
  return page.evaluate(() => {
    const root = document.querySelector('.joxai-widget-host')?.shadowRoot;
    const a = root && root.activeElement;
    if (!a) return null;
    const panel = root.querySelector('.jx-panel');
    return { cls: a.className && String(a.className.baseVal ?? a.className), tag: a.tagName, inPanel: panel.contains(a),
      outline: getComputedStyle(a).outlineStyle };
  });
}

describe('serving', () => {
  test('the script, stylesheet and demo page come with types, caching, ETag and a strict page policy', async () => {
    const js = await fetch(server.url + '/widget/joxai-widget.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    assert.match(js.headers.get('cache-control'), /max-age=\d+/);
    const etag = js.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]+"$/);
    const body = await js.text();
    const bytes = Buffer.byteLength(body);
    assert.ok(bytes < 40 * 1024, `the script is ${bytes} bytes (target: under 40 KB unminified)`);
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/.test(body), 'no HTML injection sinks in the script');

    const again = await fetch(server.url + '/widget/joxai-widget.js', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    assert.equal(again.headers.get('etag'), etag);

    const css = await fetch(server.url + '/widget/joxai-widget.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type'), /^text\/css/);

    for (const p of ['/widget/', '/widget', '/widget/index.html']) {
      const html = await fetch(server.url + p);
      assert.equal(html.status, 200, p);
      assert.match(html.headers.get('content-type'), /^text\/html/);
      const csp = html.headers.get('content-security-policy');
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /style-src 'self'/);
      assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
      const text = await html.text();
      assert.match(text, /JoxAI Bank/);
      assert.ok(!/<script>|\son[a-z]+=|style=/.test(text), 'the demo page has no inline script, handler or style');
    }
    const head = await fetch(server.url + '/widget/joxai-widget.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
  });

  test('CORS: the configured bank origin gets the headers and the preflight; any other origin none', async () => {
    const pre = await fetch(server.url + '/api/v1/chat/message', {
      method: 'OPTIONS',
      headers: { Origin: pagesUrl, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-session-token' }
    });
    assert.ok(pre.status === 204 || pre.status === 200, `preflight ${pre.status}`);
    assert.equal(pre.headers.get('access-control-allow-origin'), pagesUrl);
    assert.match(pre.headers.get('access-control-allow-headers') || '', /X-Session-Token/i);
    const other = await fetch(server.url + '/api/v1/chat/message', {
      method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' }
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

describe('a customer on the demo page', () => {
  let page, context, seen, conversation;

  before(async () => {
    ({ page, context, seen } = await newPage());
    // The customer socket goes through a switch the test can open and close.
    context.socketBlocked = false;
    context.sockets = [];
    await page.routeWebSocket(/\/api\/v1\/chat\/ws/, (ws) => {
      if (context.socketBlocked) { ws.close({ code: 1011, reason: 'test: network down' }); return; }
      const upstream = ws.connectToServer();
      context.sockets.push({ ws, upstream });
    });
    await page.route(/\/api\/v1\/chat\/[^/]+\/messages/, (route) => (context.socketBlocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.url + '/widget/');
  });
  after(async () => { await context.close(); });

  test('opens the chat and is told it is an AI assistant', async () => {
    const launcher = $(page, '.jx-launcher');
    await launcher.waitFor({ state: 'visible', timeout: UI });
    assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
    await openWidget(page);
    assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
    const dialog = page.getByRole('dialog', { name: 'JoxAI Bank' });
    await dialog.waitFor({ timeout: UI });
    await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI }); // the greeting, the first transcript item
    const greeting = await $(page, '.jx-msg-assistant .jx-text').first().textContent();
    assert.match(greeting, /\bAI\b|assistant/i, `greeting: ${greeting}`);
    assert.match(await $(page, '.jx-disclosure').first().textContent(), /AI assistant/);
    assert.equal(await $(page, '.jx-log').getAttribute('aria-live'), 'polite');
    assert.equal(await $(page, '.jx-log').getAttribute('role'), 'log');
    conversation = await conversationOf(page);
  });

  test('asks for the opening hours and gets an answer with its sources', async () => {
    const answer = await ask(page, 'What are your opening hours?');
    const text = await answer.locator('.jx-text').textContent();
    assert.ok(text.length > 20, text);
    await answer.locator('.jx-sources').waitFor({ timeout: UI });
    const sources = await answer.locator('.jx-sources li').allTextContents();
    assert.ok(sources.some((s) => /opening hours/i.test(s)), `sources: ${sources}`);
    assert.equal(await answer.locator('.jx-sources a').count(), 0, 'no links without data-source-url');
    assert.equal(await $(page, '.jx-msg-customer').count(), 1);
    assert.match(await $(page, '.jx-human').textContent(), /Talk to a person/);
  });

  test('asks for a person: waiting banner; the agent answers and it arrives live', async () => {
    await $(page, '.jx-human').click();
    const banner = $(page, '.jx-banner');
    await banner.waitFor({ state: 'visible', timeout: UI });
    assert.match(await banner.textContent(), /Waiting for a person/);
    assert.equal(await banner.getAttribute('role'), 'status');
    await page.waitForFunction(() => document.querySelector('.joxai-widget-host').shadowRoot.querySelector('.jx-conn').hidden);

    await staff.answer(conversation.id, 'Hello, this is Marie from JoxAI Bank. How can I help?');
    await $(page, '.jx-msg-agent').filter({ hasText: 'this is Marie' }).waitFor({ timeout: UI });
    await page.waitForFunction(() => /joined/.test(document.querySelector('.joxai-widget-host').shadowRoot.querySelector('.jx-banner').textContent), null, { timeout: UI });

    fs.mkdirSync(shots, { recursive: true });
    await $(page, '.jx-input').fill('');
    await page.screenshot({ path: path.join(shots, 'widget-desktop.png') });
  });

  test('loses the socket, then gets every message sent meanwhile after reconnecting, once', async () => {
    assert.ok(context.sockets.length >= 1, 'the widget opened the customer socket');
    context.socketBlocked = true;
    for (const s of context.sockets) { await s.ws.close({ code: 1006, reason: 'test: cut' }).catch(() => {}); await s.upstream.close().catch(() => {}); }
    await staff.answer(conversation.id, 'First message while you were away.');
    await staff.answer(conversation.id, 'Second message while you were away.');
    await page.waitForTimeout(2500);
    assert.equal(await $(page, '.jx-msg-agent').filter({ hasText: 'while you were away' }).count(), 0, 'nothing can arrive while cut off');

    const opened = context.sockets.length;
    context.socketBlocked = false;
    await $(page, '.jx-msg-agent').filter({ hasText: 'Second message while you were away.' }).waitFor({ timeout: 40000 });
    assert.equal(await $(page, '.jx-msg-agent').filter({ hasText: 'First message while you were away.' }).count(), 1);
    assert.equal(await $(page, '.jx-msg-agent').filter({ hasText: 'Second message while you were away.' }).count(), 1);
    // Order kept: first before second.
    const texts = await $(page, '.jx-msg-agent .jx-text').allTextContents();
    assert.ok(texts.indexOf('First message while you were away.') < texts.indexOf('Second message while you were away.'));
    // And the live channel is back: a new agent message arrives without a reload.
    const deadline = Date.now() + 40000;
    while (context.sockets.length <= opened && Date.now() < deadline) await page.waitForTimeout(200);
    assert.ok(context.sockets.length > opened, 'the widget reconnected its socket');
    await staff.answer(conversation.id, 'Back online, live again.');
    await $(page, '.jx-msg-agent').filter({ hasText: 'Back online, live again.' }).waitFor({ timeout: UI });
  });

  test('ends the chat with a transcript by e-mail and rates it', async () => {
    await $(page, '.jx-end').click();
    await $(page, '.jx-endview').waitFor({ state: 'visible', timeout: UI });
    await $(page, '#jx-end-tx').check();
    await $(page, '#jx-end-email').fill('customer@example.com');
    const closed = page.waitForResponse((r) => /\/close$/.test(r.url()) && r.request().method() === 'POST');
    await $(page, '.jx-endview button[type=submit]').click();
    const closeAnswer = await closed;
    assert.equal(closeAnswer.status(), 200);
    assert.equal((await closeAnswer.json()).transcript_to, 'customer@example.com');
    await $(page, '.jx-rateview').waitFor({ state: 'visible', timeout: UI });
    assert.match(await $(page, '.jx-rate-info').textContent(), /customer@example\.com/);
    await $(page, 'label[for="jx-star-4"]').click();
    await $(page, '#jx-rate-comment').fill('Quick and clear.');
    const rated = page.waitForResponse((r) => /\/rating$/.test(r.url()));
    await $(page, '.jx-rateview button[type=submit]').click();
    assert.equal((await rated).status(), 200);
    await $(page, '.jx-thanks').waitFor({ state: 'visible', timeout: UI });
    assert.deepEqual(await cspViolations(page), [], 'the demo page under its own strict policy reports no violation');
    assert.deepEqual(seen.errors, []);
  });
});

describe('safety, accessibility and embedding', () => {
  test('script payloads from the customer and from an agent are shown as text, never run', async () => {
    const { page, context, seen } = await newPage();
    try {
      await page.goto(server.url + '/widget/');
      await openWidget(page);
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      const img = '<img src=x onerror=window.__xss=1>';
      const scr = '<script>window.__xss=2</script>';
      await ask(page, img);
      await ask(page, scr);
      // Two turns the assistant could not answer hand the customer over by themselves (API contract).
      if (await $(page, '.jx-human').getAttribute('aria-disabled') !== 'true') await $(page, '.jx-human').click();
      await $(page, '.jx-banner').waitFor({ state: 'visible', timeout: UI });
      const { id } = await conversationOf(page);
      await staff.answer(id, `${img} and ${scr} <b>bold</b> <a href="javascript:window.__xss=3">click</a>`);
      await $(page, '.jx-msg-agent').filter({ hasText: 'bold' }).waitFor({ timeout: UI });
      const customerTexts = await $(page, '.jx-msg-customer .jx-text').allTextContents();
      assert.ok(customerTexts.includes(img) && customerTexts.includes(scr), customerTexts.join(' | '));
      assert.match(await $(page, '.jx-msg-agent .jx-text').last().textContent(), /<img src=x onerror=window.__xss=1>/);
      await $(page, '.jx-msg-agent a').count().then((n) => assert.equal(n, 0, 'javascript: is never made a link'));
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      const injected = await page.evaluate(() => {
        const root = document.querySelector('.joxai-widget-host').shadowRoot;
        return root.querySelectorAll('.jx-log img, .jx-log script, .jx-log b').length;
      });
      assert.equal(injected, 0);
      assert.deepEqual(seen.errors, []);
    } finally { await context.close(); }
  });

  test('a send answered 503 after the server stored it, then Retry: the message and its answer show once, stored once', async () => {
    const { page, context, seen } = await newPage();
    try {
      // The first send reaches the server (stored and answered) but its answer is lost: the
      // customer sees 503, as when the database goes away before the reply is committed.
      const sent = [];
      await page.route(/\/api\/v1\/chat\/message$/, async (route) => {
        const body = JSON.parse(route.request().postData() || '{}');
        sent.push(body);
        if (sent.length === 1) {
          await route.fetch();
          await route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Retry-After': '1' },
            body: JSON.stringify({ detail: 'The database is unavailable; please try again shortly.', code: 'database_unavailable' }) });
          return;
        }
        await route.continue();
      });
      await page.goto(server.url + '/widget/');
      await openWidget(page);
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      await $(page, '.jx-input').fill('What are your opening hours?');
      await $(page, '.jx-input').press('Enter');
      const retry = $(page, '.jx-retry-row button');
      await retry.waitFor({ state: 'visible', timeout: UI });
      await retry.click();
      await $(page, '.jx-msg-assistant').nth(1).waitFor({ timeout: UI });
      await $(page, '.jx-retry-row').waitFor({ state: 'detached', timeout: UI });
      await page.waitForTimeout(500); // a late duplicate (socket, sync) would show by now
      assert.equal(await $(page, '.jx-msg-customer').count(), 1);
      assert.equal(await $(page, '.jx-msg-assistant').count(), 2, 'the greeting and one answer');
      assert.equal(sent.length, 2);
      assert.match(sent[0].client_message_id, /^[A-Za-z0-9_-]{1,64}$/);
      assert.equal(sent[1].client_message_id, sent[0].client_message_id, 'Retry re-uses the key');
      // The server stored it once, with one answer.
      const { id, token } = await conversationOf(page);
      const res = await fetch(`${server.url}/api/v1/chat/${id}/messages?after=0`, { headers: { 'X-Session-Token': token } });
      const items = (await res.json()).items;
      assert.deepEqual(items.map((m) => m.sender), ['assistant', 'customer', 'assistant']);
      // The next message the customer types gets a key of its own.
      await ask(page, 'How do I reset my password?');
      assert.equal(sent.length, 3);
      assert.notEqual(sent[2].client_message_id, sent[0].client_message_id);
      assert.deepEqual(seen.errors, []);
    } finally { await context.close(); }
  });

  test('works with the keyboard alone: Tab to the launcher, Enter, type, Enter, focus kept inside, Escape', async () => {
    const { page, context } = await newPage();
    try {
      await page.goto(server.url + '/widget/');
      await $(page, '.jx-launcher').waitFor({ state: 'visible', timeout: UI });
      let found = false;
      for (let i = 0; i < 40 && !found; i++) {
        await page.keyboard.press('Tab');
        found = (await activeInWidget(page))?.cls === 'jx-launcher';
      }
      assert.ok(found, 'Tab reaches the launcher');
      assert.notEqual((await activeInWidget(page)).outline, 'none', 'the focused launcher shows a focus ring');
      await page.keyboard.press('Enter');
      await $(page, '.jx-panel').waitFor({ state: 'visible', timeout: UI });
      await page.waitForFunction(() => document.querySelector('.joxai-widget-host').shadowRoot.activeElement?.classList.contains('jx-input'), null, { timeout: UI });
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      await page.keyboard.type('How do I block a lost card?');
      await page.keyboard.press('Enter');
      await $(page, '.jx-msg-customer').filter({ hasText: 'lost card' }).waitFor({ timeout: UI });
      // A lost card goes straight to a person: the hand-over notice answers, and the banner says so.
      await $(page, '.jx-msg-system').first().waitFor({ timeout: UI });
      await $(page, '.jx-banner').waitFor({ state: 'visible', timeout: UI });
      await page.waitForTimeout(500);
      assert.equal(await $(page, '.jx-msg-system').count(), 1, 'the hand-over notice shows once, as a notice');
      assert.equal(await $(page, '.jx-msg-assistant').count(), 1, 'only the greeting speaks as the assistant');
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
        const a = await activeInWidget(page);
        assert.ok(a && a.inPanel, `focus stays in the open panel (step ${i}: ${JSON.stringify(a)})`);
        assert.notEqual(a.outline, 'none', `focus ring on ${a.cls}`);
      }
      await page.keyboard.press('Escape');
      await $(page, '.jx-panel').waitFor({ state: 'hidden', timeout: UI });
      assert.equal((await activeInWidget(page))?.cls, 'jx-launcher', 'focus returns to the launcher');
      assert.equal(await $(page, '.jx-launcher').getAttribute('aria-expanded'), 'false');
    } finally { await context.close(); }
  });

  test('a bank page on another origin with a strict CSP: no violation, styles isolated, CORS works', async () => {
    const { page, context, seen } = await newPage();
    try {
      await page.goto(pagesUrl + '/csp.html');
      await openWidget(page);
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      const answer = await ask(page, 'What are your opening hours?');
      await answer.locator('.jx-sources').waitFor({ timeout: UI });
      // The page's "button { background: red; font-size: 40px }" does not reach the widget.
      const style = await $(page, '.jx-send').evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, fs: getComputedStyle(el).fontSize }));
      assert.notEqual(style.bg, 'rgb(255, 0, 0)');
      assert.notEqual(style.fs, '40px');
      // Nor does its "div { border }" reach the widget's host element in the page.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.joxai-widget-host')).borderTopStyle), 'none');
      await page.waitForTimeout(300);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(seen.errors, []);
    } finally { await context.close(); }
  });

  test('an origin missing from CORS_ORIGINS cannot chat, and the widget says so', async () => {
    const { page, context } = await newPage();
    try {
      await page.goto(pagesUrl.replace('127.0.0.1', 'localhost') + '/csp.html');
      await openWidget(page);
      await $(page, '.jx-notice').waitFor({ state: 'visible', timeout: UI });
      assert.match(await $(page, '.jx-notice').textContent(), /unavailable/);
      assert.equal(await $(page, '.jx-msg').count(), 0);
    } finally { await context.close(); }
  });

  test('without WebSockets (the page policy forbids them) agent messages arrive by polling', async () => {
    const { page, context } = await newPage();
    try {
      await page.goto(pagesUrl + '/nows.html');
      await openWidget(page);
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      await $(page, '.jx-human').click();
      await $(page, '.jx-banner').waitFor({ state: 'visible', timeout: UI });
      const { id } = await conversationOf(page);
      await staff.answer(id, 'Answered over polling.');
      await $(page, '.jx-msg-agent').filter({ hasText: 'Answered over polling.' }).waitFor({ timeout: UI });
      assert.equal(await $(page, '.jx-msg-agent').filter({ hasText: 'Answered over polling.' }).count(), 1);
    } finally { await context.close(); }
  });

  test('brand colour, left position and the pre-chat form', async () => {
    const { page, context } = await newPage();
    try {
      await page.goto(pagesUrl + '/branded.html');
      await $(page, '.jx-launcher').waitFor({ state: 'visible', timeout: UI });
      const box = await $(page, '.jx-launcher').boundingBox();
      assert.ok(box.x < 200, 'data-position="left"');
      const colours = await $(page, '.jx-launcher').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      assert.deepEqual(colours, ['rgb(255, 210, 31)', 'rgb(17, 17, 17)'], 'a light brand colour gets dark text');
      await openWidget(page);
      assert.equal(await page.getByRole('dialog', { name: 'Help desk' }).count(), 1);
      await $(page, '.jx-prechat').waitFor({ state: 'visible', timeout: UI });
      await $(page, '#jx-pc-name').fill('Camille Martin');
      await $(page, '#jx-pc-email').fill('not-an-email');
      await $(page, '.jx-prechat button[type=submit]').click();
      await $(page, '.jx-prechat .jx-field-error').waitFor({ state: 'visible', timeout: UI });
      await $(page, '#jx-pc-email').fill('camille@example.com');
      await $(page, '.jx-prechat button[type=submit]').click();
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      await $(page, '.jx-end').click();
      assert.equal(await $(page, '#jx-end-email').inputValue(), 'camille@example.com');
      assert.equal(await $(page, '#jx-end-tx').isChecked(), true);
    } finally { await context.close(); }
  });

  test('French: the page language picks the texts and the conversation language', async () => {
    const { page, context } = await newPage();
    try {
      await page.goto(pagesUrl + '/fr.html');
      assert.equal(await $(page, '.jx-launcher').getAttribute('aria-expanded'), 'false');
      assert.match(await $(page, '.jx-launcher .jx-sr').textContent(), /Ouvrir la discussion/);
      await openWidget(page);
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      assert.match(await $(page, '.jx-disclosure').first().textContent(), /assistant IA/);
      assert.match(await $(page, '.jx-human').textContent(), /Parler à un conseiller/);
      assert.equal(await $(page, '.jx-input').getAttribute('placeholder'), 'Écrivez votre message…');
      const { id, token } = await conversationOf(page);
      const res = await fetch(`${server.url}/api/v1/chat/${id}/messages`, { headers: { 'X-Session-Token': token } });
      assert.equal(res.status, 200);
      const answer = await ask(page, 'Quels sont vos horaires d’ouverture ?');
      assert.ok((await answer.locator('.jx-text').textContent()).length > 20);
    } finally { await context.close(); }
  });

  test('Arabic page: right-to-left layout', async () => {
    const { page, context } = await newPage();
    try {
      await page.goto(pagesUrl + '/ar.html');
      await openWidget(page);
      await $(page, '.jx-msg-assistant').first().waitFor({ timeout: UI });
      assert.equal(await $(page, '.jx').getAttribute('dir'), 'rtl');
      assert.equal(await $(page, '.jx-panel').evaluate((el) => getComputedStyle(el).direction), 'rtl');
      await ask(page, 'مرحبا، ما هي ساعات العمل؟');
      const panel = await $(page, '.jx-panel').boundingBox();
      const mine = await $(page, '.jx-msg-customer').last().boundingBox();
      const theirs = await $(page, '.jx-msg-assistant').last().boundingBox();
      assert.ok(mine.x < theirs.x, 'the customer writes on the left in RTL');
      assert.ok(mine.x - panel.x < 40, 'customer messages sit at the left edge');
      const head = await $(page, '.jx-min').boundingBox();
      assert.ok(head.x < panel.x + panel.width / 2, 'the close button moves to the left');
      await page.screenshot({ path: path.join(shots, 'widget-rtl.png') });
    } finally { await context.close(); }
  });

  test('a reload keeps the conversation, and the session token never goes into a URL but the socket\'s', async () => {
    const { page, context, seen } = await newPage();
    try {
      await page.goto(server.url + '/widget/');
      await openWidget(page);
      await ask(page, 'Do you charge fees for transfers?');
      const before = await conversationOf(page);
      const count = await $(page, '.jx-msg').count();
      await page.reload();
      await $(page, '.jx-panel').waitFor({ state: 'visible', timeout: UI }); // it was open: it stays open
      await page.waitForFunction((n) => document.querySelector('.joxai-widget-host').shadowRoot.querySelectorAll('.jx-msg').length >= n, count, { timeout: UI });
      await page.waitForTimeout(500);
      assert.equal(await $(page, '.jx-msg').count(), count, 'no message lost or doubled');
      assert.equal((await conversationOf(page)).id, before.id);
      await ask(page, 'And for international transfers?');
      assert.equal((await conversationOf(page)).id, before.id);
      const leaks = seen.requests.filter((u) => u.includes(before.token) && !u.includes('/api/v1/chat/ws?'));
      assert.deepEqual(leaks, []);
    } finally { await context.close(); }
  });

  test('phone: the panel takes the screen', async () => {
    const { page, context } = await newPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await page.goto(server.url + '/widget/');
      await openWidget(page);
      const box = await $(page, '.jx-panel').boundingBox();
      assert.equal(Math.round(box.width), 390);
      assert.equal(Math.round(box.height), 844);
      await ask(page, 'What are your opening hours?');
      await $(page, '.jx-msg-assistant .jx-sources').last().waitFor({ timeout: UI });
      await page.screenshot({ path: path.join(shots, 'widget-phone.png') });
      await $(page, '.jx-min').click();
      await $(page, '.jx-launcher').waitFor({ state: 'visible', timeout: UI });
    } finally { await context.close(); }
  });
});
