/** The address guard's rules, by its classifier: never by sending traffic to private or link-local ranges. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAddress, classifyAddress } from '../../server/src/node/http/addressGuard';

test('classifies IPv4 and IPv6 addresses, IPv4-mapped IPv6 as IPv4', () => {
  const table: Array<[string, string]> = [
    ['8.8.8.8', 'public'], ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['fc00::1', 'private'], ['fd12:3456::1', 'private'], ['100.64.0.1', 'private'], ['::ffff:10.0.0.1', 'private'],
    ['169.254.1.1', 'link-local'], ['fe80::1', 'link-local'],
    ['169.254.169.254', 'metadata'], ['100.100.100.200', 'metadata'], ['fd00:ec2::254', 'metadata'], ['::ffff:169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'], ['::', 'unspecified'],
    ['224.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['not-an-ip', 'reserved'],
  ];
  for (const [ip, cls] of table) assert.equal(classifyAddress(ip), cls, ip);
  assert.equal(classifyAddress('172.32.0.1'), 'public');
});

test('private and loopback only when listed (by address, CIDR or name); link-local and metadata never', () => {
  const none = { allowPrivateHosts: [] };
  assert.deepEqual(checkAddress(none, 'example.com', '93.184.216.34'), { allowed: true });
  assert.equal(checkAddress(none, 'localhost', '127.0.0.1').allowed, false);
  assert.equal(checkAddress(none, 'intranet', '10.1.2.3').allowed, false);
  const listed = { allowPrivateHosts: ['127.0.0.1', '10.0.0.0/8', 'intranet.local', 'garbage/99', '169.254.0.0/16', '169.254.169.254'] };
  assert.equal(checkAddress(listed, 'x', '127.0.0.1').allowed, true);
  assert.equal(checkAddress(listed, 'x', '::ffff:127.0.0.1').allowed, true);
  assert.equal(checkAddress(listed, 'x', '127.0.0.2').allowed, false);
  assert.equal(checkAddress(listed, 'x', '10.200.0.1').allowed, true);
  assert.equal(checkAddress(listed, 'intranet.local', '192.168.0.9').allowed, true);
  assert.equal(checkAddress(listed, 'other.local', '192.168.0.9').allowed, false);
  for (const ip of ['169.254.169.254', '169.254.1.1', 'fe80::1']) {
    const v = checkAddress(listed, 'x', ip);
    assert.ok(!v.allowed && v.forbidden, ip);
  }
  const byName = checkAddress({ allowPrivateHosts: ['metadata.google.internal'] }, 'metadata.google.internal', '8.8.8.8');
  assert.ok(!byName.allowed && byName.forbidden);
});
