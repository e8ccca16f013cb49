"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword, type SignInState } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";

export function SignInForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  return (
    <Form action={action} answer={state}>
      {state.error && <Alert tone="error">{t(state.error)}</Alert>}
      {state.problem && <Alert tone="error">{t(state.problem.key, state.problem.values as Record<string, string>)}</Alert>}
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
      <Button disabled={pending} className="w-full">{pending ? t("signIn.submitting") : t("signIn.submit")}</Button>
    </Form>
  );
}
