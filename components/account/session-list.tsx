import { getFormatter, getTranslations } from "next-intl/server";
import type { listSessions } from "@/lib/auth/sessions";
import { describeClient } from "@/lib/auth/user-agent";
import { Card } from "@/components/ui/card";
import { SessionTable } from "./session-actions";
import { LISTED_MOMENT } from "@/lib/dates";

type Session = Awaited<ReturnType<typeof listSessions>>[number];

/** "Where you're signed in": each open session with browser and system, address, start and last use; this one marked. */
export async function SessionList({ sessions, current }: { sessions: Session[]; current: string }) {
  const [t, format] = [await getTranslations("sessions"), await getFormatter()];
  const when = (date: Date) => format.dateTime(date, LISTED_MOMENT);
  const rows = sessions.map((s) => {
    const { browser, system } = describeClient(s.userAgent);
    return {
      handle: s.handle,
      label: t("browserOn", { browser: browser ?? t("unknownBrowser"), system: system ?? t("unknownSystem") }),
      address: s.ip ?? t("unknownAddress"),
      started: when(s.createdAt),
      lastActive: when(s.lastSeenAt),
      current: s.handle === current,
    };
  });
  return (
    <Card as="section" labelledBy="sessions-title">
      <h2 id="sessions-title" className="text-xl">{t("title")}</h2>
      <p>{t("intro")}</p>
      <SessionTable rows={rows} titleId="sessions-title" />
    </Card>
  );
}
