"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { savePolicy, sendRemindersNow, type PolicyState, type RemindersState } from "@/lib/actions/admin";
import type { PolicySettings } from "@/lib/settings";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { useProblem } from "@/components/two-factor/problem";

export function PolicyForm({ current }: { current: PolicySettings }) {
  const t = useTranslations("console.settings");
  const explain = useProblem();
  const [state, action, pending] = useActionState<PolicyState, FormData>(savePolicy, {});
  const values = state.values ?? { requiredFrom: current.requiredFrom, graceDays: String(current.graceDays) };
  return (
    <Form action={action} answer={state}>
      {state.saved && <Alert tone="success">{t("saved")}</Alert>}
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
    </Form>
  );
}

export function SendReminders() {
  const t = useTranslations("console.settings");
  const [state, action, pending] = useActionState<RemindersState, FormData>(sendRemindersNow, {});
  return (
    <Form action={action} answer={state}>
      {state.sent !== undefined && <Alert tone="success">{t("remindersSent", { count: state.sent })}</Alert>}
      <Button variant="secondary" disabled={pending}>{t("sendReminders")}</Button>
    </Form>
  );
}
