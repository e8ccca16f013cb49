"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { endOneSession, endOtherSessions, type SessionsState } from "@/lib/actions/sessions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

function Outcome({ state }: { state: SessionsState }) {
  const t = useTranslations();
  if (state.error) return <Notice tone="error">{t(state.error)}</Notice>;
  if (state.ended === "one") return <Notice tone="success">{t("sessions.ended")}</Notice>;
  if (state.ended === "gone") return <Notice tone="info">{t("sessions.gone")}</Notice>;
  if (state.ended === "others") return <Notice tone="success">{t("sessions.endedOthers", { count: state.count ?? 0 })}</Notice>;
  return null;
}

/** "End session" for one other browser; `label` names the browser for screen readers. */
export function EndSession({ handle, label }: { handle: string; label: string }) {
  const t = useTranslations("sessions");
  const [state, action, pending] = useActionState<SessionsState, FormData>(endOneSession, {});
  return (
    <form action={action} className="stack">
      <Outcome state={state} />
      <input type="hidden" name="session" value={handle} />
      <Button variant="secondary" disabled={pending} aria-label={`${t("end")}: ${label}`}>{t("end")}</Button>
    </form>
  );
}

/** "End all other sessions". */
export function EndOtherSessions() {
  const t = useTranslations("sessions");
  const [state, action, pending] = useActionState<SessionsState, FormData>(endOtherSessions, {});
  return (
    <form action={action} className="stack">
      <Outcome state={state} />
      <Button variant="danger" disabled={pending}>{t("endOthers")}</Button>
    </form>
  );
}
