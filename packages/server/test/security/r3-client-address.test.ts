// SECURITY.md R3: the client address behind every per-client limit comes from the socket, and from
// X-Forwarded-For only through a trusted proxy, read from the right. signup/signup.test.ts › "R3: …" shows an
// untrusted peer with a random header on sign-up starts; this file adds the rule itself (unit), sign-ins from an
// untrusted peer, and a client behind the trusted proxy that puts a random address in front of its own.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { BlockList } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/index.ts';
import { clientIp } from '../../src/security/client-ip.ts';
import { randomIp } from '../helpers/client.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

const trusted = new BlockList();
trusted.addAddress('127.0.0.1');
trusted.addSubnet('10.0.0.0', 8);

describe('R3 the client address (unit)', () => {
  it('R3: a header from an untrusted peer is ignored: the peer is the client', () => {
    assert.equal(clientIp('203.0.113.7', '198.51.100.1', trusted), '203.0.113.7');
    assert.equal(clientIp('::ffff:203.0.113.7', '10.0.0.1, 198.51.100.1', trusted), '203.0.113.7');
  });

  it('R3: through trusted proxies the rightmost untrusted hop is the client; what it wrote in front is not', () => {
    assert.equal(clientIp('127.0.0.1', '198.51.100.1', trusted), '198.51.100.1');
    assert.equal(clientIp('127.0.0.1', '6.6.6.6, 198.51.100.1', trusted), '198.51.100.1');
    assert.equal(clientIp('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3', trusted), '198.51.100.1');
    assert.equal(clientIp('127.0.0.1', 'garbage, 198.51.100.1', trusted), '198.51.100.1');
  });

  it('R3: a trusted peer without a header is the client; with only trusted hops, the farthest hop is', () => {
    assert.equal(clientIp('127.0.0.1', undefined, trusted), '127.0.0.1');
    assert.equal(clientIp('127.0.0.1', '10.9.9.9', trusted), '10.9.9.9');
  });
});

eachBackend('R3 limits keep to the real client', (backend) => {
  let untrusted: TestStack;
  let proxied: TestStack;
  before(async () => {
    // Nobody trusted: the loopback peer is every request's client, whatever X-Forwarded-For says.
    untrusted = await startStack(backend, { env: { TRUSTED_PROXIES: '' } });
    // The harness's default: loopback is a trusted proxy.
    proxied = await startStack(backend, { smtp: untrusted.smtp });
  });
  after(async () => {
    await proxied?.close();
    await untrusted?.close();
  });

  it('R3: sign-ins from an untrusted peer with a random X-Forwarded-For each time are limited by the peer', async () => {
    const max = DEFAULT_LIMITS.loginsPerClient.max;
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const answer = await untrusted.client().post('/login', { email: uniqueEmail('r3'), password: 'Verkeerd#Wacht1' });
      statuses.push(answer.status);
    }
    assert.deepEqual(new Set(statuses.slice(0, max)), new Set([401]));
    assert.equal(statuses[max], 429);
  });

  it('R3: behind the trusted proxy, a random address put in front of the real one does not escape the limit', async () => {
    const max = DEFAULT_LIMITS.mailRequestsPerClient.max;
    const real = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const spoofed = `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
      const client = proxied.client(`${spoofed}, ${real}`);
      statuses.push((await client.post('/signup/email', { email: uniqueEmail('r3') })).status);
    }
    assert.deepEqual(new Set(statuses.slice(0, max)), new Set([202]));
    assert.equal(statuses[max], 429);
    // Another real client behind the same proxy is not affected.
    assert.equal((await proxied.client().post('/signup/email', { email: uniqueEmail('r3') })).status, 202);
  });
});
