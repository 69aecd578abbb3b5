// A few assertions that work the same in Node and in a browser (no
// node:assert there). Each throws an Error describing the mismatch.

function show(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function ok(value, message = 'expected a truthy value') {
  if (!value) throw new Error(message);
}

export function equal(actual, expected, message = '') {
  if (!Object.is(actual, expected)) {
    throw new Error(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

function deepEqualValues(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqualValues(a[k], b[k]));
}

export function deepEqual(actual, expected, message = '') {
  if (!deepEqualValues(actual, expected)) {
    throw new Error(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Every key of `expected` (recursively) has the same value in `actual`. */
export function subset(actual, expected, path = 'value') {
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) {
    if (!deepEqualValues(actual, expected)) {
      throw new Error(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    }
    return;
  }
  if (typeof actual !== 'object' || actual === null) {
    throw new Error(`${path}: expected an object, got ${show(actual)}`);
  }
  for (const key of Object.keys(expected)) subset(actual[key], expected[key], `${path}.${key}`);
}

/** `fn()` throws a WalletcareError with this code; returns the error. */
export function throwsCode(fn, code, message = '') {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error(`${message ? message + ': ' : ''}expected ${code}, nothing was thrown`);
  if (!(error instanceof Error) || error.name !== 'WalletcareError' || error.code !== code) {
    throw new Error(
      `${message ? message + ': ' : ''}expected a WalletcareError ${code}, got ${error && error.name} ${error && error.code}: ${error && error.message}`,
    );
  }
  return error;
}

export function includes(text, part, message = '') {
  if (typeof text !== 'string' || !text.includes(part)) {
    throw new Error(`${message ? message + ': ' : ''}expected ${show(text)} to contain ${show(part)}`);
  }
}
