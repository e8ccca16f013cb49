"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeExemption, extendUserDeadline, type ExemptState, type ExtendState } from "@/lib/actions/rollout";
import { Alert } from "@/components/ui/alert";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useProblem } from "@/components/two-factor/problem";

const REASON_MAX = 500;

/** Support gives one account a later deadline, with a reason (audited, mailed to the person). */
export function ExtendDeadline({ userId, current, reason, zone, applicable }: { userId: string; current: string | null; reason: string | null; zone: string; applicable: boolean }) {
  const t = useTranslations("console.exceptions");
  const explain = useProblem();
  const [state, action, pending] = useActionState<ExtendState, FormData>(extendUserDeadline, {});
  return (
    <Card as="section" labelledBy="deadline-title">
      <h3 className="text-lg" id="deadline-title">{t("deadlineTitle")}</h3>
      <p>{current ? t("deadlineCurrent", { date: current, reason: reason ?? "" }) : t("deadlineNone")}</p>
      {state.done ? (
        <FocusOnMount><Alert tone="success">{t("extended")}</Alert></FocusOnMount>
      ) : applicable ? (
        <Form action={action} answer={state}>
          <p>{t("deadlineIntro")}</p>
          {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
          <input type="hidden" name="userId" value={userId} />
          <Field id="deadline-until" name="until" type="date" label={t("until")} hint={t("untilHint", { zone })} required defaultValue={state.values?.until} error={explain(state.errors?.until)} />
          <TextArea id="deadline-reason" name="reason" label={t("reason")} hint={t("reasonHint")} maxLength={REASON_MAX} required defaultValue={state.values?.reason} error={explain(state.errors?.reason)} />
          <Button disabled={pending}>{t("extend")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** Marks an account exempt (a service account), with a reason, or ends it; never offered for admins. */
export function Exemption({ userId, exempt, admin }: { userId: string; exempt: { since: string; reason: string } | null; admin: boolean }) {
  const t = useTranslations("console.exceptions");
  const explain = useProblem();
  const [state, action, pending] = useActionState<ExemptState, FormData>(changeExemption, {});
  return (
    <Card as="section" labelledBy="exempt-title">
      <h3 className="text-lg" id="exempt-title">{t("exemptTitle")}</h3>
      <p>{t("exemptIntro")}</p>
      {state.done ? (
        <FocusOnMount><Alert tone="success">{t(state.done)}</Alert></FocusOnMount>
      ) : exempt ? (
        <Form action={action} answer={state}>
          <p>{t("exemptNow", { date: exempt.since, reason: exempt.reason })}</p>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="operation" value="remove" />
          <Button variant="secondary" disabled={pending}>{t("unexempt")}</Button>
        </Form>
      ) : admin ? null : (
        <Form action={action} answer={state}>
          {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="operation" value="grant" />
          <TextArea id="exempt-reason" name="reason" label={t("exemptReason")} maxLength={REASON_MAX} required defaultValue={state.values?.reason} error={explain(state.errors?.reason)} />
          <Button variant="danger" disabled={pending}>{t("exempt")}</Button>
        </Form>
      )}
    </Card>
  );
}
