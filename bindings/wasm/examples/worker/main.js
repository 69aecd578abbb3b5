// The page: the light module on the main thread, triage in a worker.
// Served as is (no bundler): ./walletcare/ is a copy of the package's web/
// folder. With a bundler, import from 'walletcare/core' instead and create
// the worker the same way (Vite, webpack and esbuild recognise
// `new Worker(new URL(..., import.meta.url), { type: 'module' })`).
import init, { formatMoney, parseMoney } from './walletcare/core.js';

const worker = new Worker(new URL('./triage-worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 0;
worker.addEventListener('message', ({ data }) => {
  const request = pending.get(data.id);
  if (!request) return;
  pending.delete(data.id);
  if (data.error) request.reject(Object.assign(new Error(data.error.message), data.error));
  else request.resolve(data.result);
});
/** Triages `text` in the worker; resolves with the same object `triage()` returns. */
export function triageInWorker(text, options) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, text, options });
  });
}

const out = document.getElementById('out');
async function show(text) {
  const result = await triageInWorker(text);
  const amounts = result.entities.filter((e) => e.kind === 'amount').map((e) => e.text);
  out.textContent = `${result.category} / ${result.priority}` + (amounts.length ? `\namounts: ${amounts.join(', ')}` : '');
  return result;
}

await init();
document.getElementById('form').addEventListener('submit', (event) => {
  event.preventDefault();
  show(document.getElementById('text').value);
});
// For the test (bindings/wasm/tests/bundlers/run.mjs): the first answer,
// whether the main thread stayed free, and what the page itself fetched.
let longestGap = 0;
let last = performance.now();
const ticker = setInterval(() => { const now = performance.now(); longestGap = Math.max(longestGap, now - last); last = now; }, 5);
const money = parseMoney('Rp150.000', 'id-ID', 'IDR');
out.title = formatMoney(money, { locale: 'id-ID' });
const result = await show(document.getElementById('text').value);
clearInterval(ticker);
window.__walletcare = {
  money,
  category: result.category,
  priority: result.priority,
  firstTriageMs: performance.now(),
  longestMainThreadGapMs: longestGap,
  pageFetched: performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()),
};
