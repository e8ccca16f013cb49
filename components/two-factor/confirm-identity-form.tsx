"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmIdentity, type ConfirmState } from "@/lib/actions/two-factor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useProblem } from "./problem";

export function ConfirmIdentityForm({ withCode }: { withCode: boolean }) {
  const t = useTranslations("setup");
  const explain = useProblem();
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmIdentity, {});
  return (
    <Form action={action} answer={state}>
      <p>{withCode ? t("confirmWithCode") : t("confirmIntro")}</p>
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" autoFocus error={explain(state.errors?.password)} />
      {withCode && <Field label={t("currentCode")} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} error={explain(state.errors?.code)} />}
      <Button disabled={pending}>{t("confirm")}</Button>
    </Form>
  );
}
