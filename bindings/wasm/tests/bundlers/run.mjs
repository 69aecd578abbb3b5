// Builds the tiny app in ./app from the packed walletcare tarball with each
// mainstream bundler, without any walletcare-specific configuration, and
// runs every result in headless Chromium; checks the package from Node
// (CommonJS and ES modules), TypeScript (moduleResolution node16, nodenext,
// bundler) and @arethetypeswrong/cli. scripts/wasm-test.sh runs it:
//
//   node run.mjs TARBALL WORKDIR TSC PLAYWRIGHT_CORE
//
// The bundlers come from ./node_modules (package-lock.json, `npm ci`). Prints
// one line per check and `bundlers: N passed, M failed`, and the first
// triage time of the Vite production build (`figure vite-first-triage-ms`).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';

const [tarball, work, tsc, playwrightPath] = process.argv.slice(2);
if (!tarball || !work || !tsc || !playwrightPath) {
  console.error('usage: node run.mjs TARBALL WORKDIR TSC PLAYWRIGHT_CORE');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const tools = path.join(here, 'node_modules');
const bin = (name) => path.join(tools, '.bin', name);
const { chromium } = createRequire(import.meta.url)(playwrightPath);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const MESSAGE_CATEGORY = 'payment_failure';

let passed = 0;
const failures = [];
async function check(name, body) {
  const t0 = Date.now();
  try {
    const note = await body();
    passed += 1;
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}`);
  } catch (e) {
    failures.push(name);
    console.log(`FAIL ${name}: ${String((e && e.stack) || e).slice(0, 2000)}`);
  }
}
function run(cmd, args, cwd, env = {}) {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed:\n${e.stdout || ''}${e.stderr || ''}`);
  }
}

// ---- the app folder: the bundlers linked in, the tarball unpacked ----------
const app = path.join(work, 'app');
fs.rmSync(app, { recursive: true, force: true });
fs.cpSync(path.join(here, 'app'), app, { recursive: true });
fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "walletcare-bundled-app", "private": true, "type": "module" }\n');
const modules = path.join(app, 'node_modules');
fs.mkdirSync(modules);
for (const entry of fs.readdirSync(tools)) {
  if (entry === 'walletcare') continue;
  fs.symlinkSync(path.join(tools, entry), path.join(modules, entry));
}
const unpack = path.join(work, 'unpack');
fs.rmSync(unpack, { recursive: true, force: true });
fs.mkdirSync(unpack);
run('tar', ['-xzf', path.resolve(tarball), '-C', unpack], work);
fs.renameSync(path.join(unpack, 'package'), path.join(modules, 'walletcare'));

// ---- a static server and the browser ---------------------------------------
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
// Opens `url`, waits for the app's result and checks it; returns it.
async function runPage(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  try {
    // Playwright's default 30 s for the load event is too short on a busy
    // two-core machine (it once expired there while the C checks ran beside
    // this); the page's own completion signal is awaited below.
    await page.goto(url, { timeout: 180_000 });
    await page.waitForFunction(() => window.__walletcare, null, { timeout: 30000 }).catch((e) => {
      throw new Error(`${e.message}\n${problems.join('\n')}`);
    });
    const result = await page.evaluate(() => window.__walletcare);
    if (result.error) throw new Error(result.error);
    if (result.money.minor !== 15000000 || result.money.currency !== 'IDR') throw new Error(`money: ${JSON.stringify(result.money)}`);
    if (result.category !== MESSAGE_CATEGORY) throw new Error(`triage category: ${result.category}`);
    if (problems.length) throw new Error(problems.join('\n'));
    return result;
  } finally {
    await page.close();
  }
}
async function buildAndRun(dist, page = 'index.html') {
  const server = await serve(dist);
  try {
    return await runPage(`http://127.0.0.1:${server.address().port}/${page}`);
  } finally {
    server.close();
  }
}
// A static page that loads the bundle `main.js` as a module.
function page(dist, script = './main.js') {
  fs.writeFileSync(path.join(dist, 'index.html'),
    fs.readFileSync(path.join(app, 'index.html'), 'utf8').replace('/src/main.js', script));
}
// The bundlers that leave `new URL("x.wasm", import.meta.url)` alone need the
// .wasm files next to the bundle (README: "esbuild and Rollup").
function copyWasm(dist) {
  for (const f of ['walletcare_core.wasm', 'walletcare_triage.wasm']) {
    fs.copyFileSync(path.join(modules, 'walletcare', 'web', f), path.join(dist, f));
  }
}
const ms = (r) => `money ${r.money.minor} ${r.money.currency}, triage ${r.category}, first triage at ${r.firstTriageMs.toFixed(0)} ms`;

// ---- Node -------------------------------------------------------------------
await check('node: require (CommonJS)', () => run('node', ['-e', `
  const wc = require('walletcare'), core = require('walletcare/core'), triage = require('walletcare/triage');
  const m = core.parseMoney('Rp150.000', 'id-ID', 'IDR');
  if (m.minor !== 15000000) throw new Error('money ' + JSON.stringify(m));
  if (triage.triage('saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat').category !== '${MESSAGE_CATEGORY}') throw new Error('triage');
  if (wc.triage !== triage.triage || wc.parseMoney !== core.parseMoney) throw new Error('walletcare is not both modules');
  if (wc.call('triage.detect_language', { text: 'tolong' }) === undefined) throw new Error('call');
  require.resolve('walletcare/wasm/walletcare_core.wasm');
`], app).trim());
await check('node: import (ES modules)', () => {
  fs.writeFileSync(path.join(app, 'esm-check.mjs'), `
    import init, { parseMoney, loadTriage } from 'walletcare/core';
    import * as wc from 'walletcare';
    import { createRequire } from 'node:module';
    await init();
    if (parseMoney('Rp150.000', 'id-ID', 'IDR').minor !== 15000000) throw new Error('money');
    const t = await loadTriage();
    if (t.triage('saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat').category !== '${MESSAGE_CATEGORY}') throw new Error('triage');
    // One instance for import and require.
    if (createRequire(import.meta.url)('walletcare').triage !== wc.triage) throw new Error('two instances');
    if (wc.triage !== t.triage) throw new Error('two triage instances');
  `);
  return run('node', ['esm-check.mjs'], app).trim();
});

// ---- TypeScript ---------------------------------------------------------------
const TS = {
  node16: { type: 'commonjs', module: 'node16', moduleResolution: 'node16' },
  nodenext: { type: 'module', module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { type: 'module', module: 'esnext', moduleResolution: 'bundler' },
};
for (const [name, ts] of Object.entries(TS)) {
  await check(`tsc: moduleResolution ${name} (${ts.type} project)`, () => {
    const dir = path.join(work, `ts-${name}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    fs.symlinkSync(modules, path.join(dir, 'node_modules'));
    fs.copyFileSync(path.join(app, 'types.ts'), path.join(dir, 'types.ts'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, type: ts.type }));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'ES2022', module: ts.module, moduleResolution: ts.moduleResolution,
        lib: ['ES2022', 'DOM', 'ESNext.Disposable'], types: [], skipLibCheck: false,
      },
      files: ['types.ts'],
    }));
    run(tsc, ['-p', 'tsconfig.json'], dir);
  });
}
await check('@arethetypeswrong/cli', () => {
  const out = run(bin('attw'), [path.resolve(tarball), '--format', 'ascii',
    '--exclude-entrypoints', './wasm/walletcare_core.wasm', './wasm/walletcare_triage.wasm', './package.json'], work);
  return out.split('\n').find((l) => /No problems found/.test(l)) || 'passed';
});

// ---- bundlers -----------------------------------------------------------------
let viteFirstTriage = null;
await check('vite build', async () => {
  run(bin('vite'), ['build', '--outDir', 'dist-vite', '--logLevel', 'warn'], app);
  // The start-up figure: three fresh pages (each loads the modules anew:
  // playwright's pages share no cache), the median.
  const server = await serve(path.join(app, 'dist-vite'));
  try {
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await runPage(`http://127.0.0.1:${server.address().port}/index.html`));
    const times = runs.map((r) => r.firstTriageMs).sort((a, b) => a - b);
    viteFirstTriage = times[1];
    return `${ms(runs[0])}; first triage after page start ${times.map((t) => t.toFixed(0)).join(', ')} ms`;
  } finally {
    server.close();
  }
});
await check('vite dev server', async () => {
  const port = await new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const dev = spawn(bin('vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  dev.stdout.on('data', (d) => { log += d; });
  dev.stderr.on('data', (d) => { log += d; });
  try {
    for (let i = 0; i < 100 && !/Local:|ready in/.test(log); i += 1) await new Promise((r) => setTimeout(r, 100));
    return ms(await runPage(`http://127.0.0.1:${port}/`));
  } catch (e) {
    throw new Error(`${e.message}\n${log}`);
  } finally {
    process.kill(-dev.pid);
  }
});
await check('webpack 5', async () => {
  const dist = path.join(app, 'dist-webpack');
  run(bin('webpack'), ['--mode', 'production', '--entry', './src/main.js', '--output-path', dist], app);
  page(dist);
  return ms(await buildAndRun(dist));
});
await check('esbuild (copy the .wasm files next to the bundle)', async () => {
  const dist = path.join(app, 'dist-esbuild');
  run(bin('esbuild'), ['src/main.js', '--bundle', '--format=esm', '--splitting', `--outdir=${dist}`, '--log-level=warning'], app);
  copyWasm(dist);
  page(dist);
  return ms(await buildAndRun(dist));
});
await check('rollup (node-resolve; copy the .wasm files next to the bundle)', async () => {
  const dist = path.join(app, 'dist-rollup');
  run(bin('rollup'), ['src/main.js', '-p', 'node-resolve', '-f', 'es', '-d', dist, '--silent'], app);
  copyWasm(dist);
  page(dist);
  return ms(await buildAndRun(dist));
});

await check('web worker example (bindings/wasm/examples/worker, no bundler)', async () => {
  const site = path.join(work, 'worker-site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.cpSync(path.join(here, '..', '..', 'examples', 'worker'), site, { recursive: true });
  fs.cpSync(path.join(modules, 'walletcare', 'web'), path.join(site, 'walletcare'), { recursive: true });
  const r = await buildAndRun(site);
  if (!r.pageFetched.includes('walletcare_core.wasm')) throw new Error(`the page did not load the light module: ${r.pageFetched}`);
  if (r.pageFetched.includes('walletcare_triage.wasm')) throw new Error(`the page itself loaded the triage module: ${r.pageFetched}`);
  return `${ms(r)}; the page fetched ${r.pageFetched.filter((f) => f.endsWith('.wasm')).join(', ')}; longest main-thread gap ${r.longestMainThreadGapMs.toFixed(0)} ms`;
});

await browser.close();
if (viteFirstTriage !== null) console.log(`figure: first triage after page start, Vite production build, headless Chromium: median of 3 ${viteFirstTriage.toFixed(1)} ms (target 80 ms)`);
console.log(`bundlers: ${passed} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);
