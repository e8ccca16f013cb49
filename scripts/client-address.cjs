// Preloaded into `next start` (node --require) by scripts/start.mjs and the e2e server.
// Next.js 16 gives route handlers and server actions no socket address, and `next start` only
// fills X-Forwarded-For from the socket when the client sent none (base-server: `??=`), so a
// client could write any address into the audit trail. Here the server acts as the last hop of
// the chain, as every proxy does: it appends the socket's address to X-Forwarded-For before
// Next.js sees the request. lib/auth/request.ts then reads the chain from the right, trusting
// only the proxies listed in TRUSTED_PROXIES.
const http = require("node:http");

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const peer = request.socket && request.socket.remoteAddress;
    const claimed = request.headers["x-forwarded-for"];
    if (peer) request.headers["x-forwarded-for"] = claimed ? `${claimed}, ${peer}` : peer;
  }
  return emit.call(this, event, request, ...rest);
};
