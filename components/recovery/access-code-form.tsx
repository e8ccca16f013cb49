"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifyWithAccessCode, type AccessCodeSignInState } from "@/lib/actions/recovery";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "@/components/two-factor/problem";

/** The second sign-in step with a temporary access code that support read out. */
export function AccessCodeForm() {
  const t = useTranslations("recovery.verify");
  const tv = useTranslations("verify");
  const explain = useProblem();
  const [state, action, pending] = useActionState<AccessCodeSignInState, FormData>(verifyWithAccessCode, {});
  const error = explain(state.error);
  return (
    <Form action={action} answer={state}>
      {state.expired && error && <Notice tone="error">{error} <Link href="/login">{tv("startOver")}</Link></Notice>}
      <Field label={t("label")} hint={t("hint")} name="accessCode" autoComplete="off" autoCapitalize="characters" spellCheck={false} autoFocus maxLength={40} error={state.expired ? undefined : error} />
      <Button disabled={pending}>{t("submit")}</Button>
    </Form>
  );
}
