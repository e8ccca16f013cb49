"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { savePolicy, sendRemindersNow, type PolicyState, type RemindersState } from "@/lib/actions/admin";
import type { PolicySettings } from "@/lib/settings";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "@/components/two-factor/problem";

export function PolicyForm({ current }: { current: PolicySettings }) {
  const t = useTranslations("console.settings");
  const explain = useProblem();
  const [state, action, pending] = useActionState<PolicyState, FormData>(savePolicy, {});
  const values = state.values ?? { requiredFrom: current.requiredFrom, graceDays: String(current.graceDays) };
  return (
    <form action={action} noValidate className="stack">
      {state.saved && <Notice tone="success">{t("saved")}</Notice>}
      <Field
        id="requiredFrom"
        name="requiredFrom"
        type="date"
        label={t("requiredFrom")}
        hint={t("requiredFromHint")}
        required
        defaultValue={values.requiredFrom}
        error={explain(state.errors?.requiredFrom)}
      />
      <Field
        id="graceDays"
        name="graceDays"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        step={1}
        label={t("graceDays")}
        hint={t("graceDaysHint")}
        required
        defaultValue={values.graceDays}
        error={explain(state.errors?.graceDays)}
      />
      <Button disabled={pending}>{t("save")}</Button>
    </form>
  );
}

export function SendReminders() {
  const t = useTranslations("console.settings");
  const [state, action, pending] = useActionState<RemindersState, FormData>(sendRemindersNow, {});
  return (
    <form action={action} className="stack">
      {state.sent !== undefined && <Notice tone="success">{t("remindersSent", { count: state.sent })}</Notice>}
      <Button variant="secondary" disabled={pending}>{t("sendReminders")}</Button>
    </form>
  );
}
