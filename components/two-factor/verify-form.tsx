"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { VerifyState } from "@/lib/auth/sign-in";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { TrustChoice } from "./trust-choice";
import { useProblem } from "./problem";
import { useSignInStep } from "@/components/auth/use-sign-in-step";

const ENDPOINT = "/api/sign-in/code";

/**
 * The second sign-in step with the app's code or a recovery code. `trustDays`: above 0, "Don't ask
 * for a code on this browser for N days" is offered. `error`: a message key brought back in the
 * address after a post without JavaScript.
 */
export function VerifyForm({ method, trustDays = 0, error: shownBack }: { method: "totp" | "recovery"; trustDays?: number; error?: string }) {
  const t = useTranslations("verify");
  const explain = useProblem();
  const [state, submit, pending] = useSignInStep<VerifyState>(ENDPOINT, shownBack ? { problem: { key: shownBack }, expired: shownBack === "verify.expired" } : {});
  const error = explain(state.problem);
  return (
    <Form action={ENDPOINT} method="post" onSubmit={submit} answer={state}>
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
