// `import OpenTok from 'opentok-rs'` works (ESM entry), with the error classes as named exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import OpenTok, { ArgumentError, NotFoundError } from 'opentok-rs';

const require = createRequire(import.meta.url);

test('ESM default export is the same constructor as require()', () => {
  assert.equal(OpenTok, require('opentok-rs'));
  assert.equal(typeof OpenTok, 'function');
  assert.equal(ArgumentError, OpenTok.ArgumentError);
  assert.equal(NotFoundError, OpenTok.NotFoundError);
  const ot = new OpenTok('123456', '0123456789abcdef0123456789abcdef01234567');
  assert.equal(ot.apiKey, '123456');
});
