// Drives headless Chromium (Debian's, through playwright-core) to the
// browser test page and reports the results of the shared suite.
// Usage: node run-browser.mjs <url> <playwright-core dir>
import { createRequire } from 'node:module';

const [url, playwrightDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { chromium } = require(playwrightDir);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // Playwright's default 30 s for the load event is too short on a busy
  // two-core machine (it once expired there while the C checks ran beside
  // this); the page's own completion signal is awaited below.
  await page.goto(url, { timeout: 180_000 });
  await page.waitForSelector('body[data-done="true"]', { timeout: 180_000 });
  const results = await page.evaluate(() => window.__walletcareResults);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  for (const r of results) {
    if (!r.ok) {
      failures += 1;
      console.log(`not ok - ${r.name}\n${r.error.split('\n').map((l) => '    ' + l).join('\n')}`);
    }
  }
  if (consoleErrors.length) {
    failures += 1;
    console.log(`not ok - no console errors\n    ${consoleErrors.join('\n    ')}`);
  }
  console.log(`browser (${userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? userAgent}): ${results.length - failures + (consoleErrors.length ? 1 : 0)}/${results.length} tests passed`);
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
