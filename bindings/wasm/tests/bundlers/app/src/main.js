// The tiny app every bundler builds from the packed tarball: it loads the
// light module, parses an amount, loads the triage module on first use
// (a separate chunk and .wasm) and triages one message. The result, and
// when the first triage result arrived after page start, go to
// window.__walletcare for run.mjs.
import { init, parseMoney, loadTriage } from 'walletcare/core';

async function main() {
  // Both fetches start at once; the triage module comes in its own chunk.
  const [, triageModule] = await Promise.all([init(), loadTriage()]);
  const money = parseMoney('Rp150.000', 'id-ID', 'IDR');
  const result = triageModule.triage('saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat');
  return { money, category: result.category, priority: result.priority, firstTriageMs: performance.now() };
}

main().then(
  (result) => {
    window.__walletcare = result;
    document.getElementById('out').textContent = JSON.stringify(result);
  },
  (error) => {
    window.__walletcare = { error: String((error && error.stack) || error) };
    document.getElementById('out').textContent = window.__walletcare.error;
  },
);
