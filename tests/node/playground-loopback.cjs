// Preloaded into the Agents Playground (NODE_OPTIONS=--require <this file>).
// The Playground calls server.listen(port[, callback]) without a host, which binds every
// interface. Tests must only ever expose loopback sockets, so a listen without a host (or with
// a wildcard host) is rewritten to bind 127.0.0.1. Unix sockets and inherited handles are left alone.
"use strict";

const net = require("node:net");

const LOOPBACK = "127.0.0.1";
const WILDCARDS = new Set(["", "0.0.0.0", "::", "[::]"]);
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));
}

function isWildcardHost(host) {
  return host === undefined || host === null || (typeof host === "string" && WILDCARDS.has(host));
}

function rewrite(args) {
  if (args.length === 0 || typeof args[0] === "function") {
    // listen([callback]): a random port on every interface.
    return [0, LOOPBACK, ...args];
  }
  if (isPort(args[0])) {
    if (typeof args[1] === "string" || args[1] === null || args[1] === undefined) {
      return isWildcardHost(args[1]) ? [args[0], LOOPBACK, ...args.slice(2)] : args;
    }
    // listen(port, backlog[, callback]) or listen(port, callback).
    return [args[0], LOOPBACK, ...args.slice(1)];
  }
  const options = args[0];
  const isPlainOptions = options !== null && typeof options === "object" && !(options instanceof net.Server)
    && options.path === undefined && options.handle === undefined && options._handle === undefined
    && options.fd === undefined;
  if (isPlainOptions && isWildcardHost(options.host)) {
    return [{ ...options, host: LOOPBACK }, ...args.slice(1)];
  }
  return args;
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  return originalListen.apply(this, rewrite(args));
};

// A test host that crashes cannot kill the Playground, so when PLAYGROUND_PARENT_PID names the
// process that started it, the Playground exits on its own once it has another parent (re-parented
// because that process is gone). Comparing with the named PID, not the parent seen at start-up,
// also covers a parent that died before this script ran.
const expectedParent = Number.parseInt(process.env.PLAYGROUND_PARENT_PID ?? "", 10);
if (Number.isInteger(expectedParent) && expectedParent > 0) {
  const timer = setInterval(() => {
    if (process.ppid !== expectedParent) {
      process.exit(0);
    }
  }, 500);
  timer.unref();
}
