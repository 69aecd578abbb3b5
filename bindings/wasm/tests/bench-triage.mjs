// Triage throughput in Node, one message per call, against the installed
// package. Prints messages per second for the full triage (category,
// priority, language, entities, needed information, self-service answer)
// and for the category alone (`classify`), over distinct messages in three
// languages. The target is 100 000 per second. Before that, the start-up
// figures: the first triage after `require("walletcare/triage")` in fresh
// Node processes (target 20 ms), and the sizes of the two modules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as wc from 'walletcare/triage';

const require = createRequire(import.meta.url);
const size = readFileSync(require.resolve('walletcare/package.json').replace(/package\.json$/, 'SIZE'), 'utf8');
process.stdout.write(size.split('\n').filter(Boolean).map((l) => `size: ${l}\n`).join(''));

// A fresh process per sample: time from just before `require` to the first
// triage result (module load, instantiation, the model, the call).
const startup = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['-e', `
    const t0 = performance.now();
    const t = require('walletcare/triage');
    const loaded = performance.now();
    t.triage('saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat');
    const done = performance.now();
    console.log(JSON.stringify({ require: loaded - t0, first: done - t0, sinceStart: done }));
  `]).toString();
  startup.push(JSON.parse(out));
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(1);
console.log(`first triage after require("walletcare/triage"): median ${fmt(median(startup.map((s) => s.first)))} ms ` +
  `(require ${fmt(median(startup.map((s) => s.require)))} ms; runs ${startup.map((s) => fmt(s.first)).join(', ')} ms; ` +
  `${fmt(median(startup.map((s) => s.sinceStart)))} ms after process start); target 20 ms`);

const messages = [
  'saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat',
  'min, transfer ke rekening BCA belum masuk dari kemarin',
  'kenapa saya tidak bisa login, kode OTP tidak pernah datang',
  'akun saya diretas, ada transaksi yang bukan saya',
  'refund pesanan INV/20261121/XYZ/123 belum diterima',
  'aplikasi error terus waktu buka halaman bayar',
  'kartu kredit tidak bisa ditambahkan ke dompet',
  'saya mau komplain pelayanan CS yang lambat sekali',
  'terima kasih, fiturnya sangat membantu',
  'bagaimana cara menaikkan limit saldo?',
  '我的账户被盗了，有人用我的钱包付款',
  '付款失败了但是钱被扣了，订单号 20261121-88',
  '退款申请已经三天了还没有到账',
  '银行卡绑定一直失败，提示卡号无效',
  'APP 一打开就闪退，版本 5.2.1',
  '登录的时候验证码收不到',
  '客服态度太差了，我要投诉',
  '请问怎么修改绑定的手机号？',
  'I want a refund for order INV/20261121/XYZ/123, paid $12 yesterday',
  'my payment failed but the money was taken from my balance',
  'someone logged into my account from another phone',
  'cannot add my visa card, it says invalid number',
  'the app keeps crashing on android 14',
  'I forgot my PIN and the account is locked',
  'your support never answers, this is unacceptable',
  'how do I upgrade to a verified account?',
  'top up via retail outlet did not arrive after 2 hours',
  'great app, love the new QR feature',
  'double charged for the same order today',
  'withdrawal to BRI account 1234 still pending',
];

// Messages per second of wall-clock time, and per second of this process's
// CPU time (process.cpuUsage): on a machine shared with other jobs the
// second is the fairer figure, so both are printed.
function measure(name, fn, seconds = 2) {
  for (let i = 0; i < 2000; i++) fn(messages[i % messages.length]);
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i++, n++) fn(messages[n % messages.length]);
  }
  const cpu = process.cpuUsage(cpu0);
  const perSecond = Math.round((n * 1000) / (performance.now() - start));
  const perCpuSecond = Math.round((n * 1e6) / (cpu.user + cpu.system));
  console.log(`${name}: ${perSecond.toLocaleString('en')} messages/s wall, ${perCpuSecond.toLocaleString('en')} per CPU second (${n} calls)`);
  return perCpuSecond;
}

wc.triage('warm up');
const full = measure('triage, one message per call', (m) => wc.triage(m));
const model = wc.TriageModel.builtin();
const fast = measure('classify, one message per call', (m) => model.classify(m));
const target = 100_000;
console.log(`target ${target.toLocaleString('en')}/s (per CPU second): triage ${full >= target ? 'met' : 'NOT met'}, classify ${fast >= target ? 'met' : 'NOT met'}`);
