"use client";

import { Card } from "@/components/ui/card";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveRecoverySettingsAction, type RecoverySettingsState } from "@/lib/actions/recovery";
import type { RecoverySettings } from "@/lib/recovery-settings";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/field";
import { useProblem } from "@/components/two-factor/problem";

/** The rollout settings of support recovery: longest code lifetime, second admin. */
export function RecoverySettingsForm({ current }: { current: RecoverySettings }) {
  const t = useTranslations("recovery.settings");
  const explain = useProblem();
  const [state, action, pending] = useActionState<RecoverySettingsState, FormData>(saveRecoverySettingsAction, {});
  return (
    <Card as="section" labelledBy="recovery-settings-title">
      <h2 className="text-xl" id="recovery-settings-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {state.saved && <Notice tone="success">{t("saved")}</Notice>}
      <Form action={action} answer={state}>
        <Field id="maxCodeHours" name="maxCodeHours" type="number" min={1} max={72} label={t("maxCodeHours")} hint={t("maxCodeHoursHint")} defaultValue={String(current.maxCodeHours)} error={explain(state.errors?.maxCodeHours)} />
        <Select id="secondAdmin" name="secondAdmin" label={t("secondAdmin")} defaultValue={current.secondAdmin} options={(["auto", "on", "off"] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
        <Button disabled={pending}>{t("submit")}</Button>
      </Form>
    </Card>
  );
}
