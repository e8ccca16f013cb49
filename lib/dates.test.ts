import assert from "node:assert/strict";
import { test } from "node:test";
import { formatMoment, formatTimeOfDay, isCalendarDay, mailTime, timeZoneOfCookie, validTimeZone, wholeDaysUntil } from "./dates";

test("only real calendar days pass", () => {
  for (const day of ["2026-02-28", "2028-02-29", "2026-12-31"]) assert.ok(isCalendarDay(day), day);
  for (const day of ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "", "2026-01-01T00:00"]) assert.ok(!isCalendarDay(day), day);
});

// Issue 7, point 13: the cutoff and the throttle's time were shown without their zone.
test("moments name their time zone, in the reader's language and zone", () => {
  const cutoff = new Date("2025-05-05T00:00:00Z");
  assert.equal(formatMoment(cutoff, "en-GB", "UTC"), "5 May 2025 at 00:00 UTC");
  assert.equal(formatMoment(cutoff, "en", "UTC"), "May 5, 2025 at 00:00 UTC");
  assert.match(formatMoment(cutoff, "nl", "UTC"), /^5 mei 2025 (om )?00:00 UTC$/);
  assert.match(formatMoment(cutoff, "fr", "UTC"), /^5 mai 2025 (à )?00:00 UTC$/);
  assert.match(formatMoment(cutoff, "en-GB", "America/Los_Angeles"), /^4 May 2025 at 17:00 GMT-7$/, "the evening before, on the US west coast");
  const retry = new Date("2026-11-30T17:53:00Z");
  assert.equal(formatTimeOfDay(retry, "en-GB", "Europe/Brussels"), "18:53 CET");
  assert.equal(formatTimeOfDay(retry, "en-GB", "UTC"), "17:53 UTC");
});

test("a browser's time zone is believed only when Intl knows it", () => {
  assert.equal(validTimeZone("Europe/Brussels"), "Europe/Brussels");
  assert.equal(validTimeZone("Pacific/Auckland"), "Pacific/Auckland");
  for (const junk of ["", "Mars/Olympus", "Europe/Brussels\u0000", "../../etc", null, 42, "x".repeat(100)]) assert.equal(validTimeZone(junk), "UTC", String(junk));
});

// The formats are kept per kind, language and zone: one asked first must not answer for another.
test("a mail's moment is in the reader's language, one after another, and always in UTC", () => {
  const at = new Date("2026-11-30T21:40:12Z");
  assert.equal(mailTime(at, "en"), "November 30, 2026 at 9:40:12 PM UTC");
  assert.match(mailTime(at, "fr"), /^30 novembre 2026 (à )?21:40:12 UTC$/);
  assert.match(mailTime(at, "nl"), /^30 november 2026 (om )?21:40:12 UTC$/);
  assert.equal(mailTime(at, "xx"), "November 30, 2026 at 9:40:12 PM UTC", "an unknown language reads as the default");
});

// A tz cookie of "%25ZZ" (the cookie API hands over "%ZZ") made every page, /login included, answer 500.
test("a time-zone cookie that does not decode is read as UTC, never thrown", () => {
  assert.equal(timeZoneOfCookie("Asia%2FTokyo"), "Asia/Tokyo");
  assert.equal(timeZoneOfCookie("Asia/Tokyo"), "Asia/Tokyo");
  for (const junk of [undefined, "", "%ZZ", "%E0%A4%A", "%", "Mars%2FOlympus"]) assert.equal(timeZoneOfCookie(junk), "UTC", String(junk));
});

test("whole days left are rounded down: on the day itself, a UTC+13 reader sees less than a day", () => {
  const cutoff = new Date("2025-05-05T00:00:00Z");
  assert.equal(wholeDaysUntil(cutoff, Date.parse("2025-05-04T11:00:00Z")), 0, "13:00 local in UTC+13 on 5 May: hours left, not a day");
  assert.equal(wholeDaysUntil(cutoff, Date.parse("2025-05-03T00:00:00Z")), 2);
  assert.equal(wholeDaysUntil(cutoff, Date.parse("2025-05-06T00:00:00Z")), 0);
});
