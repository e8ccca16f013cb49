"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { completeCheckup, type CheckupState } from "@/lib/actions/rollout";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeInput } from "@/components/ui/code-input";
import { Checkbox, FieldError } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useProblem } from "@/components/two-factor/problem";

/** The check-up 28 days after enrollment: a code from the app, and are the recovery codes still at hand? */
export function CheckupCard() {
  const t = useTranslations("rolloutPolicy.checkup");
  const explain = useProblem();
  const [state, action, pending] = useActionState<CheckupState, FormData>(completeCheckup, {});
  const codesError = explain(state.errors?.recoveryCodes);
  return (
    <Card as="section" labelledBy="checkup-title">
      <h2 id="checkup-title" className="text-xl">{t("title")}</h2>
      {state.done ? (
        state.done.hasRecoveryCodes ? (
          <Alert tone="success">{t("done")}</Alert>
        ) : (
          <>
            <Alert tone="warning">{t("doneLost")}</Alert>
            <ButtonLink href="/settings/security#regenerate-title">{t("regenerate")}</ButtonLink>
          </>
        )
      ) : (
        <Form action={action} answer={state}>
          <p>{t("intro")}</p>
          <CodeInput name="code" id="checkup-code" label={t("code")} error={explain(state.errors?.code)} />
          <fieldset className="flex flex-col gap-2 min-w-0" aria-describedby={codesError ? "checkup-codes-error" : undefined} aria-invalid={codesError ? true : undefined}>
            <legend className="font-semibold mb-1">{t("codesLegend")}</legend>
            <Checkbox type="radio" id="checkup-codes-kept" name="recoveryCodes" value="kept" label={t("hasCodes")} />
            <Checkbox type="radio" id="checkup-codes-lost" name="recoveryCodes" value="lost" label={t("lostCodes")} />
            {codesError && <FieldError id="checkup-codes-error">{codesError}</FieldError>}
          </fieldset>
          <Button disabled={pending}>{t("submit")}</Button>
        </Form>
      )}
    </Card>
  );
}
