'use strict';
// Client tokens use the host clock (Date.now()), so fake timers behave as with the official package.
const { test, mock } = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { KEY, SECRET } = require('./helpers');

const SID = '1_MX4xMjM0NTZ-MTI3LjAuMC4xflR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC43NjAyOTYyfg';
const ot = new OpenTok(KEY, SECRET);
const claims = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url'));

test('frozen clock (mock.timers Date): iat, default exp and validation follow Date.now()', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1000000000 * 1000 });
  const c = claims(ot.generateToken(SID));
  assert.equal(c.iat, 1000000000);
  assert.equal(c.create_time, 1000000000);
  assert.equal(c.exp, 1000000000 + 86400);
  // An expiry that is in the future of the frozen clock is valid even though it is in the real past.
  const c2 = claims(ot.generateToken(SID, { expireTime: 1000000000 + 3600 }));
  assert.equal(c2.exp, 1000000000 + 3600);
  t.mock.timers.tick(7200 * 1000);
  assert.throws(() => ot.generateToken(SID, { expireTime: 1000000000 + 3600 }), OpenTok.ArgumentError);
});

test('fractional and string expireTime are rounded like the official package', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1700000000 * 1000 });
  assert.equal(claims(ot.generateToken(SID, { expireTime: 1700003600.4 })).exp, 1700003600);
  assert.equal(claims(ot.generateToken(SID, { expireTime: '1700003600' })).exp, 1700003600);
});

test('T1 via the third argument; options accept a layout string or array', () => {
  const t1 = ot.generateToken(SID, { role: 'subscriber', data: 'name=Jo', initialLayoutClassList: 'focus inactive' }, true);
  const inner = Buffer.from(t1.slice(4), 'base64').toString();
  assert.match(inner, /role=subscriber/);
  assert.match(inner, /connection_data=name%3DJo/);
  assert.match(inner, /initial_layout_class_list=focus%20inactive/);
  const jwt = claims(ot.generateToken(SID, { initialLayoutClassList: ['a', 'b'] }));
  assert.equal(jwt.initial_layout_class_list, 'a b');
});

test('tokens are unique (random nonce) and never contain the secret', () => {
  const a = ot.generateToken(SID);
  const b = ot.generateToken(SID);
  assert.notEqual(claims(a).nonce, claims(b).nonce);
  assert.ok(!a.includes(SECRET));
});
