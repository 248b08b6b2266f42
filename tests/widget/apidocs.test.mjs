// The API documentation in a real browser (Debian's chromium, driven by playwright-core) against a
// real joxai-server: /docs (Swagger UI) and /redoc (ReDoc) render every operation of the served
// /openapi.json, with no console error, no Content-Security-Policy violation and no request to
// any host but the server; and the served document passes a real validator, @redocly/cli lint.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { launchBrowser, repoDir, startServer, watchPage } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.join(repoDir, 'docs', 'screenshots');
const RENDER = 60000; // the bundles are large; rendering ~80 operations takes a few seconds here
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

let server, browser, spec;

before(async () => {
  server = await startServer();
  browser = await launchBrowser(chromium);
  const res = await fetch(server.url + '/openapi.json');
  assert.equal(res.status, 200);
  spec = await res.json();
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
});

const operations = () => Object.entries(spec.paths)
  .flatMap(([p, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => ({ path: p, method: m, op: item[m] })));

// Opens a page and records everything that could go wrong on it.
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const seen = await watchPage(page);
  seen.console = [];
  page.on('console', (m) => { if (m.type() === 'error') seen.console.push(m.text()); });
  page.on('requestfailed', (r) => seen.console.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.equal(res.status(), 200);
  return { context, page, seen };
}

async function assertClean(page, seen) {
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
  assert.deepEqual(seen.errors, [], 'no uncaught exception');
  assert.deepEqual(seen.console, [], 'no console error');
  const outside = seen.requests.filter((u) => {
    const url = new URL(u);
    return !['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
  });
  assert.deepEqual(outside, [], 'no request to another host');
  assert.ok(seen.requests.some((u) => u.endsWith('/openapi.json')), 'the page read this server\'s document');
}

// redocly lint with its built-in "recommended" rules (no redocly.yaml in the folder it runs in);
// answers its JSON report and exit status.
function lint(document) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'joxai-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document, null, 1));
    const run = spawnSync(path.join(here, 'node_modules', '.bin', 'redocly'), ['lint', file, '--format=json'], {
      encoding: 'utf8',
      timeout: 180000,
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }
    });
    assert.equal(run.error, undefined, String(run.error));
    assert.ok(run.stdout.includes('{'), `redocly printed no report:\n${run.stdout}\n${run.stderr}`);
    return { report: JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))), status: run.status, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('redocly lint catches a broken document (the check below can fail)', () => {
  const broken = structuredClone(spec);
  delete broken.components.schemas.Error; // every error answer now points nowhere
  delete broken.paths['/health'].get.summary;
  const { report, status } = lint(broken);
  assert.ok(report.totals.errors > 0, JSON.stringify(report.totals));
  assert.notEqual(status, 0);
});

test('the served document passes redocly lint with no errors', () => {
  const { report, status, stderr } = lint(spec);
  const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer} ${p.message}`);
  assert.equal(report.totals.errors, 0, problems.join('\n'));
  // The only warnings allowed: WebSocket upgrades answer 101, not 2XX, and /health and /metrics
  // have no 4XX answer. Anything else is a real defect of the document.
  const allowed = new Set([
    'operation-2xx-response #/paths/~1api~1v1~1ws/get/responses',
    'operation-2xx-response #/paths/~1api~1v1~1chat~1ws/get/responses',
    'operation-4xx-response #/paths/~1health/get/responses',
    'operation-4xx-response #/paths/~1metrics/get/responses'
  ]);
  const unexpected = report.problems.filter((p) => !allowed.has(`${p.ruleId} ${p.location?.[0]?.pointer}`));
  assert.deepEqual(unexpected.map((p) => `${p.ruleId} ${p.location?.[0]?.pointer} ${p.message}`), []);
  assert.equal(status, 0, stderr);
});

test('/docs renders every operation, and Try it out reaches this server', async () => {
  const { context, page, seen } = await open(server.url + '/docs');
  try {
    const count = operations().length;
    await page.waitForFunction((n) => document.querySelectorAll('.opblock').length === n, count, { timeout: RENDER });
    assert.match(await page.locator('.info .title').innerText(), /JoxAI API/);
    assert.match(await page.locator('.info .version').first().innerText(), new RegExp(spec.info.version.replace(/\./g, '\\.')));
    // One call from the page: GET /health, answered by the server the page came from.
    const health = page.locator('#operations-operations-getHealth');
    await health.locator('.opblock-summary').click();
    await health.locator('.try-out__btn').click();
    await health.locator('.execute').click();
    await health.locator('.live-responses-table tbody .response-col_status').first().waitFor({ timeout: RENDER });
    assert.match(await health.locator('.live-responses-table tbody .response-col_status').first().innerText(), /200/);
    await health.locator('.opblock-summary').click(); // closed again for the screenshot
    // The picture shows the operations, not the long introduction above them.
    await page.evaluate(() => document.querySelector('.scheme-container').scrollIntoView());
    await page.screenshot({ path: path.join(shots, 'api-docs.png') });
    await assertClean(page, seen);
  } finally {
    await context.close();
  }
});

test('/redoc renders every operation', async () => {
  const { context, page, seen } = await open(server.url + '/redoc');
  try {
    const ids = operations().map(({ op }) => `operation/${op.operationId}`);
    await page.waitForFunction((want) => want.every((id) => document.querySelector(`[data-section-id="${id}"]`)),
      ids, { timeout: RENDER });
    assert.equal(await page.locator('[data-section-id^="operation/"]').count(), ids.length);
    assert.match(await page.locator('h1').first().innerText(), /JoxAI API/);
    await page.screenshot({ path: path.join(shots, 'api-redoc.png') });
    await assertClean(page, seen);
  } finally {
    await context.close();
  }
});
