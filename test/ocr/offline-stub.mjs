// Preloaded (node --import) into the OCR child process and, through the
// inherited execArgv, into every worker thread: any network attempt is
// recorded in $SANAD_NET_LOG and fails.
import fs from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { threadId } from 'node:worker_threads';

const log = process.env.SANAD_NET_LOG;
fs.appendFileSync(log, `loaded ${threadId}\n`);
function blocked(what) {
  return function () {
    fs.appendFileSync(log, `NETWORK ${what} in thread ${threadId}\n`);
    throw new Error(`network blocked: ${what}`);
  };
}
// A Unix socket or named pipe (tsx's loader talks to its parent over one) stays on the machine: allowed.
function localPipe(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  return (typeof first === 'string' && !/^\d+$/.test(first)) || (typeof first === 'object' && first !== null && typeof first.path === 'string');
}
function tcpOnly(what, original) {
  const block = blocked(what);
  return function (...args) {
    return localPipe(args) ? original.apply(this, args) : block();
  };
}
net.Socket.prototype.connect = tcpOnly('net.Socket.connect', net.Socket.prototype.connect);
net.connect = tcpOnly('net.connect', net.connect);
net.createConnection = tcpOnly('net.createConnection', net.createConnection);
dns.lookup = blocked('dns.lookup');
http.request = blocked('http.request');
http.get = blocked('http.get');
https.request = blocked('https.request');
https.get = blocked('https.get');
globalThis.fetch = blocked('fetch');
