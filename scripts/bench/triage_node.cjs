// Times triage through walletcare's npm package in Node, one message per
// call, for scripts/bench-compare.sh.
//
//   node triage_node.cjs PATH/TO/pkg/node/walletcare.js TEXTS ROUND
//
// TEXTS holds the messages, each followed by a NUL byte (written by
// scripts/bench/triage_texts.py: the built-in corpus, the texts the native
// criterion bench triage/triage_builtin_full goes through round-robin).
// After one untimed pass, passes over all texts are timed until at least
// MIN_SECONDS have passed (and at least MIN_PASSES passes); prints one JSON
// line: {"via": "node", "round": ROUND, "per_call_ns": <median of the
// passes' mean time per call>, "calls": ..., "passes": ...}.
//
// One call = what a JS app does to triage a message: the package's triage
// function returning a plain JS object.
'use strict';
const fs = require('node:fs');

const MIN_SECONDS = 3;
const MIN_PASSES = 5;

function main() {
  const [pkg, textsPath, round] = process.argv.slice(2);
  if (!pkg || !textsPath || !round) {
    console.error('usage: node triage_node.cjs PKG_NODE_JS TEXTS ROUND');
    process.exit(2);
  }
  const wc = require(pkg);
  const triageOne = (text) => wc.triage(text);
  if (typeof wc.triage !== 'function') {
    console.error(`${pkg} exports no triage function (exports: ${Object.keys(wc).join(', ')})`);
    process.exit(3);
  }
  const texts = fs.readFileSync(textsPath, 'utf8').split('\0');
  texts.pop(); // after the last NUL
  if (texts.length === 0) {
    console.error(`${textsPath}: no texts`);
    process.exit(1);
  }
  let sink = 0;
  for (const t of texts) sink += triageOne(t) ? 1 : 0; // warm-up (and JIT)
  const passes = [];
  let total = 0;
  while (total < MIN_SECONDS || passes.length < MIN_PASSES) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) sink += triageOne(t) ? 1 : 0;
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    passes.push((dt / texts.length) * 1e9);
    total += dt;
  }
  passes.sort((a, b) => a - b);
  const m = passes.length;
  const median = m % 2 ? passes[(m - 1) / 2] : (passes[m / 2 - 1] + passes[m / 2]) / 2;
  console.log(JSON.stringify({
    via: 'node', round: Number(round), per_call_ns: Number(median.toFixed(1)),
    calls: m * texts.length, passes: m, results: sink,
  }));
  console.error(`npm package in Node ${process.version}: ${texts.length} texts x ${m} passes, median ${(median / 1e3).toFixed(2)} us per call`);
}

main();
