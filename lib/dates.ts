import { defaultLocale, isLocale } from "./i18n/locales";

/** A real calendar day written YYYY-MM-DD: Date.parse alone rolls 2026-02-30 over to March 2nd. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A moment written for a mail in the reader's language, with its time zone (UTC): "30 November 2026 at 21:40:12 UTC". */
export function mailTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(isLocale(locale) ? locale : defaultLocale, { dateStyle: "long", timeStyle: "long", timeZone: "UTC" }).format(date);
}
