// What the widget's browser tests stand on: a real joxai-server (started here, stopped by PID),
// host pages on another origin (a small node HTTP server), Debian's chromium through
// playwright-core, and a staff member who answers through the API.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function findServerBinary() {
  const candidates = [process.env.JOXAI_SERVER_BIN,
    path.join(repoDir, 'build', 'ci', 'bin', 'joxai-server')].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error('joxai-server not found: set JOXAI_SERVER_BIN (ctest does) to the built binary');
}

// Starts joxai-server on a free loopback port with a fresh SQLite data folder; rate limits off.
export async function startServer(extraEnv = {}) {
  const bin = findServerBinary();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joxai-widget-'));
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('JOXAI_') || k === 'DATABASE_URL' || k === 'CORS_ORIGINS') delete env[k];
  Object.assign(env, {
    JOXAI_RATE_LIMIT_CHAT: '0', JOXAI_RATE_LIMIT_CHAT_START: '0', JOXAI_RATE_LIMIT_API: '0', JOXAI_RATE_LIMIT_AUTH: '0',
    JOXAI_BCRYPT_COST: '4', AI_PROVIDER: 'local', LOG_LEVEL: 'warning'
  }, extraEnv);
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--data-dir', dataDir],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }
    for (let i = 0; i < 20 && !exited; i++) await sleep(100);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) throw new Error(`joxai-server exited during start-up (${JSON.stringify(exited)}):\n${log}`);
    try {
      const r = await fetch(url + '/health');
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error('joxai-server did not answer /health in 30 s:\n' + log); }
    await sleep(150);
  }
  return { url, port, pid: child.pid, stop, log: () => log };
}

// Pages of "the bank's own site", on another origin than the server. Each embeds the widget
// from the server, under a strict Content-Security-Policy unless the page says otherwise.
export async function startHostPages(port, serverUrl) {
  const policy = (connect) => [
    "default-src 'self'",
    `script-src 'self' ${serverUrl}`,
    `style-src 'self' ${serverUrl}`,
    `connect-src ${connect}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ');
  const strict = policy('http://127.0.0.1:* ws://127.0.0.1:*');
  const page = ({ lang = 'en', dir = '', title = 'Bank page', attrs = '' }) => `<!doctype html>
<html lang="${lang}"${dir ? ` dir="${dir}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="stylesheet" href="/site.css"></head>
<body><h1>${title}</h1><p><a href="#top">A link on the bank's page</a></p>
<script src="${serverUrl}/widget/joxai-widget.js" data-server="${serverUrl}"${attrs} async></script>
</body></html>`;
  const pages = {
    '/csp.html': { csp: strict, html: page({ title: 'Strict CSP bank page' }) },
    '/fr.html': { csp: strict, html: page({ lang: 'fr', title: 'Banque JoxAI' }) },
    '/ar.html': { csp: strict, html: page({ lang: 'ar', dir: 'rtl', title: 'بنك جوكس' }) },
    '/branded.html': { csp: strict, html: page({ title: 'Branded', attrs: ' data-color="#ffd21f" data-position="left" data-title="Help desk" data-prechat="on"' }) },
    '/nows.html': { csp: policy('http://127.0.0.1:*'), html: page({ title: 'No WebSocket allowed' }) }
  };
  const server = http.createServer((req, res) => {
    const p = pages[new URL(req.url, 'http://x').pathname];
    if (req.url === '/site.css') {
      // A bank stylesheet with broad rules: none of it may reach the widget.
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end('body{font-family:serif;margin:2rem} button{background:red!important;font-size:40px} div{border:3px dotted green}');
      return;
    }
    if (!p) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': p.csp, 'Cache-Control': 'no-store' });
    res.end(p.html);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

// The staff side, through the API: the first-run admin signs in and changes the password.
export async function staffSession(serverUrl) {
  const call = async (method, p, body, token) => {
    const res = await fetch(serverUrl + p, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    let json = null;
    try { json = await res.json(); } catch { /* empty */ }
    return { status: res.status, json };
  };
  const login = await call('POST', '/api/v1/auth/login', { email: 'admin@joxai.com', password: 'admin123' });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.json)}`);
  let token = login.json.token;
  if (login.json.user && login.json.user.must_change_password) {
    const changed = await call('POST', '/api/v1/auth/change-password',
      { current_password: 'admin123', new_password: 'Widget-tests-2026!' }, token);
    if (changed.status !== 200) throw new Error(`change-password: ${changed.status} ${JSON.stringify(changed.json)}`);
    token = changed.json.token;
  }
  return {
    token,
    call: (method, p, body) => call(method, p, body, token),
    // An agent's answer to a customer: take the conversation, then write to it. Fails loudly.
    async answer(conversationId, body) {
      const base = `/api/v1/conversations/${encodeURIComponent(conversationId)}`;
      const taken = await call('POST', base + '/takeover', {}, token);
      if (![200, 201, 409].includes(taken.status)) {
        throw new Error(`POST ${base}/takeover answered ${taken.status} ${JSON.stringify(taken.json)}`);
      }
      const sent = await call('POST', base + '/messages', { body }, token);
      if (sent.status !== 200 && sent.status !== 201) {
        throw new Error(`POST ${base}/messages answered ${sent.status} ${JSON.stringify(sent.json)}`);
      }
      return sent.json;
    }
  };
}

export async function launchBrowser(chromium) {
  return chromium.launch({
    executablePath: process.env.JOXAI_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
  });
}

// Every page records CSP violations, console errors and uncaught exceptions for the assertions.
export async function watchPage(page) {
  const seen = { errors: [], requests: [] };
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => seen.requests.push(r.url()));
  return seen;
}
