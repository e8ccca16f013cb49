"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifySignIn, type VerifyState } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { TrustChoice } from "./trust-choice";
import { useProblem } from "./problem";

/** `trustDays`: above 0, "Don't ask for a code on this browser for N days" is offered. */
export function VerifyForm({ method, trustDays = 0 }: { method: "totp" | "recovery"; trustDays?: number }) {
  const t = useTranslations("verify");
  const explain = useProblem();
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifySignIn, {});
  const error = explain(state.error);
  return (
    <Form action={action} answer={state}>
      <input type="hidden" name="method" value={method} />
      {state.expired && error && <Alert tone="error">{error} <Link href="/login">{t("startOver")}</Link></Alert>}
      {method === "totp" ? (
        <CodeInput key="totp" label={t("code")} hint={t("codeHint")} name="code" autoFocus error={state.expired ? undefined : error} />
      ) : (
        <Field key="recovery" label={t("recoveryCode")} hint={t("recoveryHint")} name="recoveryCode" autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus maxLength={32} error={state.expired ? undefined : error} />
      )}
      {trustDays > 0 && <TrustChoice days={trustDays} id={`trust-${method}`} />}
      <Button disabled={pending} className="w-full">{t("submit")}</Button>
    </Form>
  );
}
