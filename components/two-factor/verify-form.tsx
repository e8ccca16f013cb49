"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifySignIn, type VerifyState } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TrustChoice } from "./trust-choice";
import { useProblem } from "./problem";

/** `trustDays`: above 0, "Don't ask for a code on this browser for N days" is offered. */
export function VerifyForm({ method, trustDays = 0 }: { method: "totp" | "recovery"; trustDays?: number }) {
  const t = useTranslations("verify");
  const explain = useProblem();
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifySignIn, {});
  const error = explain(state.error);
  return (
    <form action={action} noValidate className="stack">
      <input type="hidden" name="method" value={method} />
      {state.expired && error && <Notice tone="error">{error} <Link href="/login">{t("startOver")}</Link></Notice>}
      {method === "totp" ? (
        <Field
          key="totp"
          label={t("code")}
          hint={t("codeHint")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={12}
          error={state.expired ? undefined : error}
        />
      ) : (
        <Field key="recovery" label={t("recoveryCode")} hint={t("recoveryHint")} name="recoveryCode" autoComplete="off" autoFocus maxLength={32} error={state.expired ? undefined : error} />
      )}
      {trustDays > 0 && <TrustChoice days={trustDays} />}
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}
