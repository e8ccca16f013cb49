"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { endOneSession, endOtherSessions, type SessionsState } from "@/lib/actions/sessions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** A session as the list shows it: words already in the user's language, times with their time zone. */
export type SessionRow = { handle: string; label: string; address: string; started: string; lastActive: string; current: boolean };

function Outcome({ state }: { state: SessionsState }) {
  const t = useTranslations();
  if (state.error) return <Notice tone="error">{t(state.error)}</Notice>;
  if (state.ended === "one") return <Notice tone="success">{t("sessions.ended")}</Notice>;
  if (state.ended === "gone") return <Notice tone="info">{t("sessions.gone")}</Notice>;
  if (state.ended === "others") return <Notice tone="success">{t("sessions.endedOthers", { count: state.count ?? 0 })}</Notice>;
  return null;
}

/** The sessions with "End session" on each other browser and "End all other sessions"; the outcome stays above the list. */
export function SessionTable({ rows, titleId }: { rows: SessionRow[]; titleId: string }) {
  const t = useTranslations("sessions");
  const [one, endOne, endingOne] = useActionState<SessionsState, FormData>(endOneSession, {});
  const [others, endOthers, endingOthers] = useActionState<SessionsState, FormData>(endOtherSessions, {});
  return (
    <>
      <Outcome state={one} />
      <Outcome state={others} />
      <ul className="stack" aria-labelledby={titleId}>
        {rows.map((row) => (
          <li key={row.handle} aria-label={row.current ? `${row.label} (${t("thisBrowser")})` : row.label}>
            <strong>{row.label}</strong>
            {row.current && <> · {t("thisBrowser")}</>}
            <br />
            {t("address", { address: row.address })}
            <br />
            {t("started", { time: row.started })}
            <br />
            {t("lastActive", { time: row.lastActive })}
            {!row.current && (
              <form action={endOne}>
                <input type="hidden" name="session" value={row.handle} />
                <Button variant="secondary" disabled={endingOne} aria-label={`${t("end")}: ${row.label}`}>{t("end")}</Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {rows.some((r) => !r.current) ? (
        <form action={endOthers}>
          <Button variant="danger" disabled={endingOthers}>{t("endOthers")}</Button>
        </form>
      ) : (
        <p>{t("noOthers")}</p>
      )}
    </>
  );
}
