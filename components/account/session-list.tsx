import { getFormatter, getTranslations } from "next-intl/server";
import type { listSessions } from "@/lib/auth/sessions";
import { describeClient } from "@/lib/auth/user-agent";
import { EndOtherSessions, EndSession } from "./session-actions";

type Session = Awaited<ReturnType<typeof listSessions>>[number];

/** "Where you're signed in": each open session with browser and system, address, start and last use; this one marked. */
export async function SessionList({ sessions, current }: { sessions: Session[]; current: string }) {
  const [t, format] = [await getTranslations("sessions"), await getFormatter()];
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" });
  const others = sessions.filter((s) => s.handle !== current).length;
  return (
    <section className="setting" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ul className="stack" aria-labelledby="sessions-title">
        {sessions.map((s) => {
          const { browser, system } = describeClient(s.userAgent);
          const label = t("browserOn", { browser: browser ?? t("unknownBrowser"), system: system ?? t("unknownSystem") });
          const here = s.handle === current;
          return (
            <li key={s.handle} aria-label={here ? `${label} (${t("thisBrowser")})` : label}>
              <strong>{label}</strong>
              {here && <> · {t("thisBrowser")}</>}
              <br />
              {t("address", { address: s.ip ?? t("unknownAddress") })}
              <br />
              {t("started", { time: when(s.createdAt) })}
              <br />
              {t("lastActive", { time: when(s.lastSeenAt) })}
              {!here && <EndSession handle={s.handle} label={label} />}
            </li>
          );
        })}
      </ul>
      {others > 0 ? <EndOtherSessions /> : <p>{t("noOthers")}</p>}
    </section>
  );
}
