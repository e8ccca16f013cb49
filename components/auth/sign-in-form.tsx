"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword, type SignInState } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function SignInForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  return (
    <form action={action} noValidate className="stack">
      {state.error && <Notice tone="error">{t(state.error)}</Notice>}
      {state.problem && <Notice tone="error">{t(state.problem.key, state.problem.values as Record<string, string>)}</Notice>}
      <Field
        label={t("signIn.email")}
        name="email"
        type="text"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        autoComplete="username"
        defaultValue={state.email}
        error={state.errors?.email && t(state.errors.email)}
        required
        maxLength={254}
      />
      <Field
        label={t("signIn.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        error={state.errors?.password && t(state.errors.password)}
        required
      />
      <Button disabled={pending}>{pending ? t("signIn.submitting") : t("signIn.submit")}</Button>
    </form>
  );
}
