"use client";

import { useEffect, useState } from "react";
import { useLocale } from "next-intl";

const STYLES = { dateTime: { dateStyle: "medium", timeStyle: "short" }, date: { dateStyle: "long" } } as const;

/**
 * A moment in the reader's own time zone, with the zone named ("12 Nov 2026, 14:05 CET"). The
 * server does not know the zone: it renders UTC (named), and the browser rewrites it once loaded.
 */
export function LocalTime({ date, style = "dateTime" }: { date: Date | string; style?: keyof typeof STYLES }) {
  const locale = useLocale();
  const iso = typeof date === "string" ? date : date.toISOString();
  const format = (timeZone?: string) => {
    const parts = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone }).format(new Date(iso));
    if (style === "date") return parts;
    const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(new Date(iso)).find((p) => p.type === "timeZoneName")?.value;
    return zone ? `${parts} ${zone}` : parts;
  };
  const [text, setText] = useState(() => format("UTC"));
  useEffect(() => setText(format()), [iso, locale]);
  return <time dateTime={iso} className="whitespace-nowrap">{text}</time>;
}
