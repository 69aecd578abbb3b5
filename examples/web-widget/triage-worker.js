// Runs walletcare off the main thread: the first triage prepares the
// built-in model (about a second), and typing stays smooth meanwhile. The
// page sends {id, op, input} and gets back the output of `call(op, input)`
// (any operation of the operation layer: redact.check, intake.start,
// intake.step, queue.recommend), or the error's code and message.
import init, { call, triage } from './pkg/walletcare.js';

await init();
triage(''); // prepare the model now rather than on the first message
self.postMessage({ type: 'ready' });

self.addEventListener('message', (event) => {
  const { id, op, input } = event.data;
  try {
    self.postMessage({ type: 'result', id, result: call(op, input) });
  } catch (e) {
    self.postMessage({ type: 'error', id, code: e && e.code, message: String(e && e.message) });
  }
});
