import assert from "node:assert/strict";
import { test } from "node:test";
import { Secret, TOTP, URI } from "otpauth";
import { clockDrift, formatSecretForTyping, futureStep, matchStep, newSecret, normalizeCode, otpauthUri } from "./totp";

process.env.APP_NAME = "Mail-IT-Wize & Co";

// RFC 6238, appendix B: the SHA1 rows, 8 digits, secret "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890");
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
// A fixed secret and time, so that no accidental collision between codes can make a run flaky.
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const NOW = Date.UTC(2030, 0, 1, 12, 0, 10);
const code = (secret: string, time: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: time });

test("otpauth produces the RFC 6238 SHA1 test vectors", () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    assert.equal(TOTP.generate({ secret: RFC_SECRET, digits: 8, timestamp: seconds * 1000 }), expected, `at ${seconds}`);
  }
});

test("matchStep accepts the vectors' last six digits and names their time step", () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    assert.equal(matchStep(RFC_SECRET.base32, expected.slice(2), seconds * 1000), Math.floor(seconds / 30), `at ${seconds}`);
  }
});

test("matchStep accepts the codes of the neighbouring steps only, and none outside the window", () => {
  const [secret, now] = [SECRET, NOW];
  const step = Math.floor(now / 30_000);
  assert.equal(matchStep(secret, code(secret, now), now), step);
  assert.equal(matchStep(secret, code(secret, now - 30_000), now), step - 1);
  assert.equal(matchStep(secret, code(secret, now + 30_000), now), step + 1);
  assert.equal(matchStep(secret, code(secret, now - 60_000), now), null);
  assert.equal(matchStep(secret, code(secret, now + 60_000), now), null);
  assert.equal(matchStep(secret, code(secret, now - 30_000), now, 0), null);
  assert.equal(matchStep(newSecret(), code(secret, now), now), null, "another secret's code");
});

test("normalizeCode keeps exactly six ASCII digits, spaces removed, and never throws", () => {
  assert.equal(normalizeCode("123456"), "123456");
  assert.equal(normalizeCode("12 34 56"), "123456");
  assert.equal(normalizeCode(" 123\u00a0456\n"), "123456");
  const junk: unknown[] = ["", "12345", "1234567", "12a456", "١٢٣٤٥", "½23456", "12-34-56", "+12345", "1".repeat(1_000_000), null, undefined, 123456, 12345.6, {}, ["123456"], Symbol("123456"), () => "123456"];
  for (const input of junk) assert.equal(normalizeCode(input), null, String(typeof input === "string" ? input.slice(0, 20) : typeof input));
});

test("a code typed in another script's digits is the code in ASCII digits (issue 7, point 11)", () => {
  for (const typed of ["٢٣٤٨٣٦", "۲۳۴۸۳۶", "２３４８３６", "२३४८३६", "২৩৪৮৩৬", "２３４ ８３６", "𝟐𝟑𝟒𝟖𝟑𝟔"]) assert.equal(normalizeCode(typed), "234836", typed);
  assert.equal(normalizeCode("٠١٢٣٤٥"), "012345");
  assert.equal(normalizeCode("۶۷۸۹۰۰"), "678900");
  const [secret, now] = [SECRET, NOW];
  const arabic = code(secret, now).replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
  assert.equal(matchStep(secret, arabic, now), Math.floor(now / 30_000));
});

test("matchStep refuses junk codes without throwing", () => {
  const secret = newSecret();
  for (const input of [null, undefined, "", "١٢٣٤٥", "12a456", 123456, {}, "1".repeat(10_000)]) {
    assert.equal(matchStep(secret, input), null);
  }
});

test("clockDrift explains a phone behind, beyond the accepted window, and says nothing of codes still to come", () => {
  const [secret, now] = [SECRET, NOW];
  assert.equal(clockDrift(secret, code(secret, now - 3 * 60_000), now), -3);
  assert.equal(clockDrift(secret, code(secret, now - 10 * 60_000), now), -10);
  assert.equal(clockDrift(secret, code(secret, now - 60_000), now), -1);
  assert.equal(clockDrift(secret, code(secret, now - 30_000), now), null, "accepted codes are not drift");
  assert.equal(clockDrift(secret, code(secret, now), now), null);
  assert.equal(clockDrift(secret, code(secret, now - 11 * 60_000), now), null, "beyond 10 minutes");
  // Issue 7, point 8: a code three minutes ahead was explained as drift, confirming a guess that works later.
  for (const minutes of [1, 3, 5, 10]) assert.equal(clockDrift(secret, code(secret, now + minutes * 60_000), now), null, `${minutes} min ahead`);
  assert.equal(clockDrift(secret, "12a456", now), null);
});

test("futureStep names the coming step a refused code matches, so it can be refused again then", () => {
  const [secret, now] = [SECRET, NOW];
  const step = Math.floor(now / 30_000);
  assert.equal(futureStep(secret, code(secret, now + 3 * 60_000), now), step + 6);
  assert.equal(futureStep(secret, code(secret, now + 30_000), now), null, "the next step is accepted now, not refused");
  assert.equal(futureStep(secret, code(secret, now - 3 * 60_000), now), null);
});

test("the otpauth URI has the issuer, the account and the parameters authenticators expect", () => {
  const secret = newSecret();
  const uri = otpauthUri(secret, "ann+2fa@example.com");
  assert.equal(
    uri,
    `otpauth://totp/Mail-IT-Wize%20%26%20Co:ann%2B2fa%40example.com?secret=${secret}&issuer=Mail-IT-Wize%20%26%20Co&algorithm=SHA1&digits=6&period=30`,
  );
  const parsed = URI.parse(uri);
  assert.ok(parsed instanceof TOTP);
  assert.equal(parsed.issuer, "Mail-IT-Wize & Co");
  assert.equal(parsed.label, "ann+2fa@example.com");
  assert.equal(parsed.secret.base32, secret);
});

test("an issuer or account with a colon never reaches the label (issue 7, point 10)", () => {
  const secret = newSecret();
  const uri = otpauthUri(secret, "user@example.com", "portal.example.com:8443");
  const label = decodeURIComponent(uri.slice("otpauth://totp/".length, uri.indexOf("?")));
  assert.equal(label.split(":").length, 2, `one colon in ${label}`);
  const parsed = URI.parse(uri);
  assert.equal(parsed.issuer, "portal.example.com 8443");
  assert.equal(parsed.label, "user@example.com");
  assert.equal(parsed.secret.base32, secret);
  const odd = URI.parse(otpauthUri(secret, "a:b@example.com", "Ｐortal：Ｘ\u0007"));
  assert.equal(odd.issuer, "Portal X");
  assert.equal(odd.label, "a b@example.com");
});

test("a new secret is 160 random bits, shown in groups of four for typing", () => {
  const secret = newSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(Secret.fromBase32(secret).bytes.length, 20);
  assert.notEqual(newSecret(), secret);
  const typed = formatSecretForTyping(secret);
  assert.match(typed, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  assert.equal(typed.replace(/ /g, ""), secret);
});
