import { getLocale } from "next-intl/server";
import type { Problem } from "../two-factor/check";

/** A problem whose values the browser can show as they are: times are written in the user's language, in UTC. */
export async function localized(problem: Problem): Promise<Problem> {
  if (!problem.values) return problem;
  const locale = await getLocale();
  const values = Object.fromEntries(
    Object.entries(problem.values).map(([k, v]) => [
      k,
      v instanceof Date ? `${new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }).format(v)} UTC` : v,
    ]),
  );
  return { ...problem, values };
}
