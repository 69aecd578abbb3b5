// Triages messages off the main thread: the first call prepares the
// built-in model (about a second), and typing stays smooth meanwhile.
import init, { triage } from './pkg/walletcare.js';

await init();
triage(''); // prepare the model now rather than on the first keystroke
self.postMessage({ type: 'ready' });

self.addEventListener('message', (event) => {
  const { id, text } = event.data;
  try {
    self.postMessage({ type: 'result', id, result: triage(text) });
  } catch (e) {
    self.postMessage({ type: 'error', id, code: e && e.code, message: String(e && e.message) });
  }
});
