import { getLocale } from "next-intl/server";
import { formatTimeOfDay } from "../dates";
import { requestTimeZone } from "../i18n/request";
import type { Problem } from "../two-factor/check";

/** A message for the user: `key` in messages/*.json, with its values. */
export const problem = (key: string, values?: Problem["values"]): Problem => (values ? { key, values } : { key });

/** A problem whose values the browser can show as they are: times are written in the user's language and time zone, the zone named. */
export async function localized(problem: Problem): Promise<Problem> {
  if (!problem.values) return problem;
  const [locale, zone] = [await getLocale(), await requestTimeZone()];
  const values = Object.fromEntries(
    Object.entries(problem.values).map(([k, v]) => [
      k,
      v instanceof Date ? formatTimeOfDay(v, locale, zone) : v,
    ]),
  );
  return { ...problem, values };
}
