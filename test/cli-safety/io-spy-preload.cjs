/*
 * Preloaded into the CLI under test (NODE_OPTIONS=--require <this file>): records every file path
 * the process touches through node:fs, and makes any network or child-process call fail loudly.
 * The log (one JSON line per event) goes to $SURICATA_LINT_IO_LOG, written with the original fs.
 */
'use strict';
const fs = require('node:fs');
const mod = require('node:module');

const logPath = process.env.SURICATA_LINT_IO_LOG;
const appendFileSync = fs.appendFileSync.bind(fs);
function log(event) {
  if (logPath) appendFileSync(logPath, JSON.stringify(event) + '\n');
}

function pathArg(a) {
  if (typeof a === 'string') return a;
  if (a instanceof URL) return a.pathname;
  if (Buffer.isBuffer(a)) return a.toString();
  return undefined;
}

const FS_CALLS = ['open', 'openSync', 'readFile', 'readFileSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync', 'existsSync', 'createReadStream', 'readdir', 'readdirSync', 'realpathSync', 'opendir', 'opendirSync', 'watch', 'watchFile'];
for (const name of FS_CALLS) {
  const orig = fs[name];
  if (typeof orig !== 'function') continue;
  const wrapped = function (...args) {
    const p = pathArg(args[0]);
    if (p !== undefined) log({ kind: 'fs', call: name, path: p });
    return orig.apply(this, args);
  };
  Object.assign(wrapped, orig);
  fs[name] = wrapped;
}
for (const name of ['open', 'readFile', 'stat', 'lstat', 'access', 'readdir', 'opendir', 'realpath']) {
  const orig = fs.promises[name];
  if (typeof orig !== 'function') continue;
  fs.promises[name] = function (...args) {
    const p = pathArg(args[0]);
    if (p !== undefined) log({ kind: 'fs', call: `promises.${name}`, path: p });
    return orig.apply(this, args);
  };
}

function forbid(moduleName, names) {
  const m = require(moduleName);
  for (const name of names) {
    if (typeof m[name] !== 'function') continue;
    m[name] = function () {
      log({ kind: 'forbidden', call: `${moduleName}.${name}` });
      throw new Error(`io-spy: ${moduleName}.${name} called: the linter must not use the network or run programs`);
    };
  }
}
forbid('node:net', ['connect', 'createConnection', 'createServer']);
forbid('node:tls', ['connect', 'createServer']);
forbid('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'lookupService']);
forbid('node:http', ['request', 'get', 'createServer']);
forbid('node:https', ['request', 'get', 'createServer']);
forbid('node:http2', ['connect', 'createServer']);
forbid('node:dgram', ['createSocket']);
forbid('node:child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
const net = require('node:net');
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function () {
  log({ kind: 'forbidden', call: 'net.Socket.connect' });
  throw new Error('io-spy: net.Socket.connect called');
};
void origConnect;
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function () {
    log({ kind: 'forbidden', call: 'fetch' });
    throw new Error('io-spy: fetch called');
  };
}
// ESM `import { readFileSync } from 'node:fs'` bindings follow the patched CommonJS exports.
mod.syncBuiltinESMExports();
log({ kind: 'ready' });
