// SECURITY.md C6: codes are kept only as an HMAC, and a submitted code is compared with `crypto.timingSafeEqual` on
// two HMACs of equal length. signup/signup.test.ts greps the sources and checks the flows and outbox tables; this
// file watches the comparison itself run: Node's timingSafeEqual is replaced by a recording wrapper (the ESM named
// export follows through syncBuiltinESMExports), then a right and a wrong code are checked.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { codeHmac, codeMatches, generateCode } from '../../src/security/codes.ts';
import { deriveKeys } from '../../src/security/keys.ts';

describe('C6 codes are compared as HMACs in constant time', () => {
  const keys = deriveKeys('c6-secret-0123456789-abcdefghijklmnopqrstuvwxyz');
  const original = crypto.timingSafeEqual;
  const calls: [Buffer, Buffer][] = [];
  before(() => {
    crypto.timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      calls.push([
        Buffer.from(a.buffer, a.byteOffset, a.byteLength),
        Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      ]);
      return original(a, b);
    };
    syncBuiltinESMExports();
  });
  after(() => {
    crypto.timingSafeEqual = original;
    syncBuiltinESMExports();
  });

  it('C6: the right and a wrong code are each decided by one timingSafeEqual over two equal-length HMACs', () => {
    const code = generateCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const stored = codeHmac(keys, 'flow-1', 'a@example.test', code);
    assert.doesNotMatch(stored, new RegExp(code), 'the stored form does not contain the code');

    for (const [submitted, expected] of [
      [code, true],
      [wrong, false],
    ] as const) {
      calls.length = 0;
      assert.equal(codeMatches(keys, 'flow-1', 'a@example.test', submitted, stored), expected);
      assert.equal(calls.length, 1, `one constant-time comparison for ${expected ? 'the right' : 'a wrong'} code`);
      const [left, right] = calls[0]!;
      assert.equal(left.length, right.length, 'equal lengths');
      assert.ok(left.length >= 32, 'HMAC-sized, not the six digits');
      assert.ok(!left.toString('utf8').includes(submitted) && !right.toString('utf8').includes(code));
    }
  });

  it('C6: a stored value of another length is refused, not thrown (timingSafeEqual itself throws on it)', () => {
    assert.equal(codeMatches(keys, 'flow-1', 'a@example.test', '123456', 'short'), false);
  });
});
