"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { savePolicy, sendRemindersNow, type PolicyState, type RemindersState } from "@/lib/actions/admin";
import type { PolicySettings, RolloutSetting } from "@/lib/settings";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { useProblem } from "@/components/two-factor/problem";

type FieldSpec = { name: RolloutSetting; type?: "date" | "number" | "text"; min?: number; max?: number; hint?: Record<string, string> };

// One entry per rollout setting, in the order shown; lib/settings.ts holds the rules.
const FIELDS: FieldSpec[] = [
  { name: "requiredFrom", type: "date" },
  { name: "timeZone" },
  { name: "graceDays", type: "number", min: 0, max: 365 },
  { name: "snoozeLimit", type: "number", min: 0, max: 20 },
  { name: "snoozeDays", type: "number", min: 1, max: 14 },
  { name: "newAccountDays", type: "number", min: 0, max: 90 },
  { name: "reminderDays" },
  { name: "announcedOn", type: "date" },
  { name: "trustedBrowserDays", type: "number", min: 0, max: 90 },
];

const shown = (value: PolicySettings[RolloutSetting]) => (Array.isArray(value) ? value.join(", ") : String(value));

/** Every rollout setting in one form; "Preview the change" counts what it would do today before saving. */
export function PolicyForm({ current }: { current: PolicySettings }) {
  const t = useTranslations("console.settings");
  const explain = useProblem();
  const [state, action, pending] = useActionState<PolicyState, FormData>(savePolicy, {});
  const values = state.values ?? (Object.fromEntries(FIELDS.map((f) => [f.name, shown(current[f.name])])) as Record<RolloutSetting, string>);
  return (
    <Form action={action} answer={state}>
      {state.saved && <Alert tone="success">{t("saved")}</Alert>}
      {state.preview && <Alert tone="info">{t("previewResult", state.preview)}</Alert>}
      {FIELDS.map((f) => (
        <Field
          key={`${f.name}-${state.saved ? "saved" : "typed"}`}
          id={f.name}
          name={f.name}
          type={f.type ?? "text"}
          inputMode={f.type === "number" ? "numeric" : undefined}
          min={f.min}
          max={f.max}
          step={f.type === "number" ? 1 : undefined}
          label={t(f.name)}
          hint={t(`${f.name}Hint`)}
          required={f.name !== "announcedOn"}
          defaultValue={values[f.name]}
          error={explain(state.errors?.[f.name])}
        />
      ))}
      <div className="flex flex-wrap gap-3">
        <Button disabled={pending}>{t("save")}</Button>
        <Button variant="secondary" name="intent" value="preview" disabled={pending}>{t("preview")}</Button>
      </div>
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
