// Runs the shared JS suite (tests/suite/cases.mjs) with `node --test`
// against the INSTALLED package: scripts/wasm-test.sh installs the packed
// tarball into a temporary folder and runs this file from there, so
// `import ... from "walletcare"` resolves through the package's `exports`.
import test from 'node:test';
import { readFileSync } from 'node:fs';
import * as wc from 'walletcare';
import { cases } from '../suite/cases.mjs';

const vectorsPath = process.env.WALLETCARE_VECTORS;
const vectors = vectorsPath ? JSON.parse(readFileSync(vectorsPath, 'utf8')) : null;

test('the shared vectors are present', () => {
  if (!vectors) throw new Error('WALLETCARE_VECTORS is not set or the file is missing');
});

const scriptsPath = process.env.WALLETCARE_SCRIPTS;
const scripts = scriptsPath ? JSON.parse(readFileSync(scriptsPath, 'utf8')) : null;

test('the shared scripts are present', () => {
  if (!scripts || Object.keys(scripts.files).length === 0) {
    throw new Error('WALLETCARE_SCRIPTS is not set or holds no script file');
  }
});

for (const c of cases(wc, { vectors, scripts })) {
  test(c.name, c.run);
}
