/**
 * Preloaded (`--require`) into every server the LSP tests and the soak start: a DNS lookup of any name but
 * localhost, and a connection to any address outside 127.0.0.0/8 and ::1, fail at once with ENOTFOUND /
 * ECONNREFUSED, as offline. The tests' stand-ins listen on 127.0.0.1; a hover that lands on a sample's public
 * link (github.io, arxiv.org) must not send a packet, not even a DNS query, from the test machine.
 */
'use strict';
const dns = require('node:dns');
const net = require('node:net');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);
const isLoopback = (address) => /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
const refused = (code, what) => Object.assign(new Error(`${code} ${what} (the tests reach 127.0.0.0/8 only)`), { code, hostname: what });

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const name = String(hostname);
  if (net.isIP(name) ? isLoopback(name) : LOOPBACK_NAMES.has(name.toLowerCase())) return lookup.apply(this, arguments);
  process.nextTick(() => cb(refused('ENOTFOUND', name)));
  return {};
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async function guardedLookupPromise(hostname, options) {
  const name = String(hostname);
  if (net.isIP(name) ? isLoopback(name) : LOOPBACK_NAMES.has(name.toLowerCase())) return lookupPromise.call(this, hostname, options);
  throw refused('ENOTFOUND', name);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = args[0] !== null && typeof args[0] === 'object' ? (Array.isArray(args[0]) ? args[0][0] : args[0]) : { port: args[0], host: args[1] };
  const host = options && options.host;
  if (options && !options.path && typeof host === 'string' && net.isIP(host) && !isLoopback(host)) {
    process.nextTick(() => this.destroy(refused('ECONNREFUSED', host)));
    return this;
  }
  return connect.apply(this, args);
};
