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

test('package.json has name, version, licence, types, files and exports that exist', () => {
  assert.equal(pkg.name, 'walletcare');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  for (const file of [pkg.main, pkg.module, pkg.types]) {
    assert.ok(fs.existsSync(path.join(root, file)), file);
  }
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const file of targets) assert.ok(fs.existsSync(path.join(root, file)), file);
  for (const dir of ['web', 'node', 'bundler']) {
    assert.ok(fs.existsSync(path.join(root, dir, 'walletcare_bg.wasm')), dir);
    assert.ok(fs.existsSync(path.join(root, dir, 'walletcare.d.ts')), dir);
  }
  assert.ok(fs.existsSync(path.join(root, 'README.md')));
});

test('the ErrorCode type lists exactly the codes the module reports', () => {
  for (const dir of ['web', 'node', 'bundler']) {
    const dts = fs.readFileSync(path.join(root, dir, 'walletcare.d.ts'), 'utf8');
    const match = dts.match(/export type ErrorCode =([^;]*);/);
    assert.ok(match, `${dir}: no ErrorCode type`);
    const declared = [...match[1].matchAll(/"([a-z_.]+)"/g)].map((m) => m[1]).sort();
    const actual = wc.errorCodes().map((c) => c.code).sort();
    assert.deepEqual(declared, actual, dir);
  }
});

test('the declarations use no `any`', () => {
  const dts = fs.readFileSync(path.join(root, 'bundler', 'walletcare.d.ts'), 'utf8');
  const anys = dts.split('\n').filter((line) => /\bany\b/.test(line) && !line.trim().startsWith('*'));
  assert.deepEqual(anys, []);
});

test('the ES module build for Node-less bundlers and the web build load the same wasm', () => {
  const web = fs.readFileSync(path.join(root, 'web', 'walletcare_bg.wasm'));
  const node = fs.readFileSync(path.join(root, 'node', 'walletcare_bg.wasm'));
  assert.ok(web.equals(node));
  assert.ok(WebAssembly.validate(web));
});
