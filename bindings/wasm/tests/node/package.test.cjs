// Checks of the installed package itself, from CommonJS: `require` works,
// the package.json fields point at real files, the TypeScript declarations
// list exactly the error codes the module reports, and every instance of
// the module answers the same.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const wc = require('walletcare');
const root = path.dirname(require.resolve('walletcare/package.json'));
const pkg = require('walletcare/package.json');

test('require("walletcare") gives the Node build', () => {
  assert.equal(typeof wc.triage, 'function');
  assert.equal(typeof wc.Calendar.builtin, 'function');
  assert.equal(wc.version(), pkg.version);
});

test('package.json has name, version, licence, repository, types, files and exports that exist', () => {
  assert.equal(pkg.name, 'walletcare');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.ok(pkg.repository && pkg.repository.url, 'repository');
  assert.ok(pkg.homepage, 'homepage');
  for (const file of [pkg.main, pkg.module, pkg.types, 'LICENSE-MIT', 'LICENSE-APACHE', 'README.md']) {
    assert.ok(fs.existsSync(path.join(root, file)), file);
  }
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const file of targets) assert.ok(fs.existsSync(path.join(root, file)), file);
  for (const entry of ['.', './core', './triage']) {
    const e = pkg.exports[entry];
    assert.ok(e.node.import.types && e.node.require.types && e.types, `${entry}: types for every condition`);
  }
});

test('one copy of each .wasm, shared by the web and Node builds', () => {
  const wasm = [];
  const walk = (dir) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      if (f.isDirectory()) walk(path.join(dir, f.name));
      else if (f.name.endsWith('.wasm')) wasm.push(path.relative(root, path.join(dir, f.name)));
    }
  };
  walk(root);
  assert.deepEqual(wasm.sort(), ['web/walletcare_core.wasm', 'web/walletcare_triage.wasm']);
  for (const f of wasm) assert.ok(WebAssembly.validate(fs.readFileSync(path.join(root, f))), f);
  assert.equal(require.resolve('walletcare/wasm/walletcare_core.wasm'), path.join(root, 'web', 'walletcare_core.wasm'));
});

test('the light module has no triage, redact checks or intake', () => {
  const core = require('walletcare/core');
  const triage = require('walletcare/triage');
  assert.equal(typeof core.parseMoney, 'function');
  assert.equal(typeof core.Calendar.builtin, 'function');
  for (const name of ['triage', 'classify', 'detectLanguage', 'TriageModel']) {
    assert.equal(core[name], undefined, name);
    assert.equal(typeof triage[name], 'function', name);
  }
  for (const op of ['triage.triage', 'redact.warnings', 'redact.check']) {
    assert.throws(() => core.call(op, {}), (e) => e.code === 'general.unknown_value', op);
  }
  // The combined entry runs every operation in the module that has it.
  assert.equal(wc.call('money.add', { a: { minor: 1, currency: 'IDR' }, b: { minor: 2, currency: 'IDR' } }).minor, 3);
  assert.equal(typeof wc.call('triage.detect_language', { text: 'tolong saldo saya' }), 'string');
  // The module itself exports no triage function (the model, the corpus and
  // the redact scorer are only reachable from those, so they are not linked).
  const exportsOf = (f) => WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(path.join(root, 'web', f)))).map((e) => e.name);
  assert.ok(!exportsOf('walletcare_core.wasm').some((n) => /triage|classify|redact|language/i.test(n)));
  assert.ok(exportsOf('walletcare_triage.wasm').includes('triage'));
});

test('the ErrorCode type lists exactly the codes the module reports', () => {
  for (const file of ['web/walletcare.d.ts', 'web/core.d.ts', 'node/walletcare.d.ts', 'node/core.d.ts', 'node/triage.d.ts']) {
    const dts = fs.readFileSync(path.join(root, file), 'utf8');
    const match = /export type ErrorCode =([^;]*);/.exec(dts) || /export type ErrorCode =([^;]*);/.exec(
      fs.readFileSync(path.join(root, path.dirname(file), 'core.d.ts'), 'utf8'));
    assert.ok(match, `${file}: no ErrorCode type`);
    const declared = [...match[1].matchAll(/"([a-z_.]+)"/g)].map((m) => m[1]).sort();
    const actual = wc.errorCodes().map((c) => c.code).sort();
    assert.deepEqual(declared, actual, file);
  }
});

test('the declarations use no `any`', () => {
  for (const file of ['web/core.d.ts', 'web/triage.d.ts', 'web/walletcare.d.ts', 'node/core.d.ts', 'node/triage.d.ts', 'node/walletcare.d.ts']) {
    // wasm-bindgen's own InitOutput (the raw exports of the instance, in
    // the web build only) is typed with `any`; the API is not.
    const dts = fs.readFileSync(path.join(root, file), 'utf8').replace(/export interface InitOutput \{[^}]*\}/, '');
    const anys = dts.split('\n').filter((line) => /\bany\b/.test(line) && !line.trim().startsWith('*'));
    assert.deepEqual(anys, [], file);
  }
});
