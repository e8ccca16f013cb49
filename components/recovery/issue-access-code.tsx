"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeTemporaryAccess, startSupportRecovery, type RecoveryFormState, type RevokeState } from "@/lib/actions/recovery";
import { IDENTITY_CHECKS, RESET_REASON_MAX } from "@/lib/admin/identity-checks";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field, TextArea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Checkboxes } from "@/components/ui/field";
import { useProblem } from "@/components/two-factor/problem";

/** The code, once, in groups, with the hint to read it out on a call back. */
export function ShownCode({ code, expiresAt }: { code: string; expiresAt: string }) {
  const t = useTranslations("recovery.panel");
  const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(expiresAt));
  return (
    <Notice tone="success">
      <p>{t("codeShown", { time })}</p>
      <p><strong aria-label={t("title")} className="font-mono text-2xl tracking-wider">{code}</strong></p>
    </Notice>
  );
}

/** Support issues a temporary access code, after recording how identity was checked and why. */
export function IssueAccessCode({ userId, maxHours, idPrefix = "code" }: { userId: string; maxHours: number; idPrefix?: string }) {
  const t = useTranslations("recovery.panel");
  const tc = useTranslations("console.reset");
  const explain = useProblem();
  const [state, action, pending] = useActionState<RecoveryFormState, FormData>(startSupportRecovery, {});
  if (state.done?.code && state.done.expiresAt) return <ShownCode code={state.done.code} expiresAt={state.done.expiresAt} />;
  if (state.done?.pending) return <Notice tone="success">{t("pending")}</Notice>;
  return (
    <Form action={action} answer={state}>
      {state.error && <Notice tone="error">{explain(state.error)}</Notice>}
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="kind" value="access_code" />
      <Checkboxes
        id={`${idPrefix}-verification`}
        name="verification"
        legend={tc("verification")}
        options={IDENTITY_CHECKS.map((c) => ({ value: c, label: tc(`checks.${c}`) }))}
        checked={state.values?.verification}
        error={explain(state.errors?.verification)}
      />
      <TextArea id={`${idPrefix}-reason`} name="reason" label={tc("reason")} maxLength={RESET_REASON_MAX} required defaultValue={state.values?.reason} error={explain(state.errors?.reason)} />
      <Field id={`${idPrefix}-hours`} name="hours" type="number" min={1} max={maxHours} label={t("hours")} hint={t("hoursHint", { max: maxHours })} defaultValue={state.values?.hours ?? "1"} error={explain(state.errors?.hours)} />
      <Button disabled={pending}>{t("submit")}</Button>
    </Form>
  );
}

export function RevokeAccessCode({ userId }: { userId: string }) {
  const t = useTranslations("recovery.panel");
  const explain = useProblem();
  const [state, action, pending] = useActionState<RevokeState, FormData>(revokeTemporaryAccess, {});
  if (state.done) return <Notice tone="success">{t("revoked")}</Notice>;
  return (
    <Form action={action} answer={state}>
      {state.error && <Notice tone="error">{explain(state.error)}</Notice>}
      <input type="hidden" name="userId" value={userId} />
      <Button variant="secondary" disabled={pending}>{t("revoke")}</Button>
    </Form>
  );
}
