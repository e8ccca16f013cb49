"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/dates";

/**
 * Tells the server the browser's time zone (a cookie read by lib/i18n/request.ts), so that times
 * shown from then on, such as "try again at 18:53 CET", are in the reader's zone, with its name.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`)) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return null;
}
