import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE_COOKIE, timeZoneOfCookie } from "../dates";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";
import { messages } from "./messages";

/** The visitor's language: the one they chose (cookie), else their browser's. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** The visitor's time zone as their browser reported it (components/layout/time-zone-cookie.tsx), else UTC. */
export async function requestTimeZone(): Promise<string> {
  return timeZoneOfCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messages[locale], timeZone: await requestTimeZone() };
});
