import { defaultLocale, isLocale } from "./i18n/locales";

/** A real calendar day written YYYY-MM-DD: Date.parse alone rolls 2026-02-30 over to March 2nd. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// Building an Intl.DateTimeFormat costs far more than using one (a page shows several moments, and
// every request reads its time zone): formats are kept, one per kind, locale and zone.
const kept = new Map<string, Intl.DateTimeFormat>();
function keptFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = kept.get(key);
  if (!format) {
    if (kept.size >= 2000) kept.clear(); // locales and zones are validated; still, never unbounded
    format = make();
    kept.set(key, format);
  }
  return format;
}

/** A moment written for a mail in the reader's language, with its time zone (UTC): "30 November 2026 at 21:40:12 UTC". */
export function mailTime(date: Date, locale: string): string {
  const language = isLocale(locale) ? locale : defaultLocale;
  return keptFormat(`mail ${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "long", timeZone: "UTC" })).format(date);
}

/**
 * The zone in which the rollout's moments (the cutoff, the end of the grace period) are defined:
 * the cutoff takes effect at 00:00 of its day there. UTC today; one constant, so that a setting
 * (e.g. Europe/Brussels) can take its place.
 */
export const POLICY_TIME_ZONE = "UTC";

/** Cookie in which the browser reports its IANA time zone (components/layout/time-zone-cookie.tsx). */
export const TIME_ZONE_COOKIE = "tz";

/**
 * The zone a `tz` cookie names, as the cookie API gives it (already percent-decoded once; decoded
 * once more, as the browser writes `encodeURIComponent(zone)`), else UTC. A value that does not
 * decode (`%25ZZ` arrives as `%ZZ`) is UTC too: a malformed cookie must not break every page.
 */
export function timeZoneOfCookie(value: string | undefined): string {
  if (!value) return "UTC";
  try {
    return validTimeZone(decodeURIComponent(value));
  } catch {
    return "UTC";
  }
}

/** `value` if it is a time zone that Intl knows (IANA name, e.g. `Europe/Brussels`), else UTC. */
export function validTimeZone(value: unknown): string {
  if (typeof value !== "string" || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return "UTC";
  // Intl reads zone names without regard to case (ECMA-402) and answers the canonical spelling.
  try {
    return keptFormat(`zone ${value.toLowerCase()}`, () => new Intl.DateTimeFormat("en", { timeZone: value })).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/** A moment as a person reads it, with its zone named: "5 May 2025 at 00:00 UTC" (en-GB), "5 mai 2025 à 00:00 UTC" (fr). */
export function formatMoment(date: Date, locale: string, timeZone: string): string {
  return keptFormat(`moment ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    // 00:00, never "12:00 AM": a deadline at midnight reads the same in every language.
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  })).format(date);
}

/** A time of day soon, with its zone named: "18:53 CET", "6:53 PM GMT+1" (as the locale writes it). */
export function formatTimeOfDay(date: Date, locale: string, timeZone: string): string {
  return keptFormat(`time ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" })).format(date);
}

/** Whole days from `now` (ms) until `date`, rounded down: 0 means less than a day, wherever the reader is. */
export function wholeDaysUntil(date: Date, now: number): number {
  return Math.max(0, Math.floor((date.getTime() - now) / 86_400_000));
}

/**
 * A rollout moment (defined in `policyZone`, the rollout setting) for a reader in `readerZone`: the moment with its
 * zone named, and the same moment in the reader's zone when that zone shows another time.
 */
export function policyMoment(date: Date, locale: string, readerZone: string, policyZone = POLICY_TIME_ZONE): { moment: string; local: string | null } {
  const moment = formatMoment(date, locale, policyZone);
  const local = formatMoment(date, locale, readerZone);
  return { moment, local: local.replace(/\s\S+$/, "") === moment.replace(/\s\S+$/, "") ? null : local };
}

// The policy's start of day is computed on every request: zoneOffsetMs and dayIn keep their formats.
const offsetFormat = (timeZone: string) =>
  keptFormat(`offset ${timeZone}`, () => new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }));
const dayFormat = (timeZone: string) => keptFormat(`day ${timeZone}`, () => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }));

// Offset of `zone` from UTC at the instant `at` (ms; positive east of Greenwich), from Intl's own tz data.
function zoneOffsetMs(at: number, zone: string): number {
  const parts = offsetFormat(zone).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant at which the calendar day `day` (YYYY-MM-DD) starts in `zone` (IANA name): 00:00
 * local time, found across daylight-saving changes (a day starting in a gap starts at its first
 * valid minute). Throws on a malformed day.
 */
export function startOfDayIn(day: string, zone: string): Date {
  if (!isCalendarDay(day)) throw new Error(`not a calendar day: ${day}`);
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const first = utcMidnight - zoneOffsetMs(utcMidnight, zone);
  // The offset at that guess may differ (a change between the two instants): correct once, and
  // keep the earlier candidate that is really on `day` (midnight itself may not exist there).
  const second = utcMidnight - zoneOffsetMs(first, zone);
  const onDay = [first, second].filter((t) => dayIn(t, zone) === day);
  return new Date(onDay.length ? Math.min(...onDay) : first);
}

/** The calendar day (YYYY-MM-DD) that `date` falls on in `zone`. */
export function dayIn(date: Date | number, zone: string): string {
  return dayFormat(zone).format(date);
}

/** `day` (YYYY-MM-DD) moved by `days` calendar days (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Calendar days from today to the day of `date`, both as the calendar of `zone` reads them (so a
 * 23- or 25-hour day around a daylight-saving change is one day): 0 on the day itself, negative after.
 */
export function calendarDaysUntil(date: Date, now: Date | number, zone: string): number {
  return Math.round((Date.parse(`${dayIn(date, zone)}T00:00:00Z`) - Date.parse(`${dayIn(now, zone)}T00:00:00Z`)) / 86_400_000);
}

/**
 * How the user's lists (sessions, trusted browsers, passkeys) give a moment, for next-intl's
 * `format.dateTime`: in the reader's time zone (the request's, lib/i18n/request.ts; UTC until the
 * browser said it), named by timeStyle "long".
 */
export const LISTED_MOMENT = { dateStyle: "medium", timeStyle: "long" } as const;
