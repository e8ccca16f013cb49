import assert from "node:assert/strict";
import { test } from "node:test";
import { clientOf } from "./request";

const ip = (xff: string | null, proxies = "") => clientOf(new Headers(xff === null ? {} : { "x-forwarded-for": xff }), proxies).ip;

// Issue 7, point 18: any client wrote the address stored in the audit trail.
test("without trusted proxies, the address is the socket's (the last hop), whatever the client writes", () => {
  assert.equal(ip("203.0.113.9"), "203.0.113.9");
  assert.equal(ip("1.2.3.4, 203.0.113.9"), "203.0.113.9", "a forged X-Forwarded-For is ignored");
  assert.equal(ip("::ffff:127.0.0.1"), "127.0.0.1");
  assert.equal(ip("2001:db8::1"), "2001:db8::1");
  assert.equal(ip(null), null);
  assert.equal(ip("not-an-address"), null);
});

test("behind trusted proxies, the first address from the right that no trusted proxy vouches for", () => {
  const proxies = "10.0.0.0/8, 192.0.2.1 2001:db8:ffff::/48";
  assert.equal(ip("198.51.100.7, 10.1.2.3", proxies), "198.51.100.7");
  assert.equal(ip("1.2.3.4, 198.51.100.7, 192.0.2.1, 10.0.0.2", proxies), "198.51.100.7", "the client's own claim stays ignored");
  assert.equal(ip("198.51.100.7, 2001:db8:ffff::5", proxies), "198.51.100.7");
  assert.equal(ip("198.51.100.7, 203.0.113.9", proxies), "203.0.113.9", "a socket outside the list is the client");
  assert.equal(ip("10.0.0.3", proxies), "10.0.0.3", "the proxy itself, when nothing precedes it");
  assert.equal(ip("garbage, 10.0.0.3", proxies), "10.0.0.3");
});
