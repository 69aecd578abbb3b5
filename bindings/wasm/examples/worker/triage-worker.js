// Triages messages off the main thread. `warmUp()` fetches the triage
// module and prepares the built-in model once; messages that arrive
// meanwhile wait for it.
import { warmUp, triage } from './walletcare/triage.js';

const ready = warmUp();

self.addEventListener('message', async ({ data }) => {
  const { id, text, options } = data;
  try {
    await ready;
    self.postMessage({ id, result: triage(text, options) });
  } catch (e) {
    self.postMessage({ id, error: { message: String(e && e.message), code: e && e.code, status: e && e.status } });
  }
});
