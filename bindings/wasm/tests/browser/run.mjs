// Runs the shared JS suite against the web build (ES module + fetch of the
// .wasm) in a real browser. The driver (run-browser.mjs) reads the results
// from `window.__walletcareResults`.
import init, * as wc from './walletcare/web/walletcare.js';
import { cases } from './suite/cases.mjs';

const out = document.getElementById('out');
const results = [];
try {
  await init();
  const response = await fetch('./vectors.json');
  const vectors = response.ok ? await response.json() : null;
  if (!vectors) results.push({ name: 'the shared vectors are present', ok: false, error: 'vectors.json missing' });
  const scriptsResponse = await fetch('./scripts.json');
  const scripts = scriptsResponse.ok ? await scriptsResponse.json() : null;
  if (!scripts) results.push({ name: 'the shared scripts are present', ok: false, error: 'scripts.json missing' });
  for (const c of cases(wc, { vectors, scripts })) {
    try {
      await c.run();
      results.push({ name: c.name, ok: true });
    } catch (e) {
      results.push({ name: c.name, ok: false, error: String((e && e.stack) || e) });
    }
  }
} catch (e) {
  results.push({ name: 'load the web build', ok: false, error: String((e && e.stack) || e) });
}
const failed = results.filter((r) => !r.ok);
out.textContent = `${results.length - failed.length}/${results.length} passed\n` +
  failed.map((f) => `FAIL ${f.name}\n${f.error}`).join('\n');
window.__walletcareResults = results;
document.body.dataset.done = 'true';
