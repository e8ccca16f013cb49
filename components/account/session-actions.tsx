"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { endOneSession, endOtherSessions, type SessionsState } from "@/lib/actions/sessions";
import { Monitor } from "lucide-react";
import { Badge } from "@/components/ui/badge";
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
  const tu = useTranslations("ui");
  const [one, endOne, endingOne] = useActionState<SessionsState, FormData>(endOneSession, {});
  const [others, endOthers, endingOthers] = useActionState<SessionsState, FormData>(endOtherSessions, {});
  return (
    <>
      <Outcome state={one} />
      <Outcome state={others} />
      <ul className="divide-y divide-line" aria-labelledby={titleId}>
        {rows.map((row) => (
          <li key={row.handle} aria-label={row.current ? `${row.label} (${t("thisBrowser")})` : row.label} className="flex flex-wrap items-start gap-3 py-3">
            <Monitor aria-hidden className="size-5 mt-0.5 shrink-0 text-muted" />
            <div className="min-w-0 flex-1 basis-56 space-y-0.5 [overflow-wrap:anywhere]">
              <p className="font-semibold">
                {row.label} {row.current && <Badge tone="success">{t("thisBrowser")}</Badge>}
              </p>
              <p className="text-sm text-muted">{t("address", { address: row.address })}</p>
              <p className="text-sm text-muted">{t("started", { time: row.started })}</p>
              <p className="text-sm text-muted">{t("lastActive", { time: row.lastActive })}</p>
            </div>
            {!row.current && (
              <form action={endOne}>
                <input type="hidden" name="session" value={row.handle} />
                <Button variant="secondary" size="sm" disabled={endingOne} aria-label={tu("actionOn", { action: t("end"), name: row.label })}>{t("end")}</Button>
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
