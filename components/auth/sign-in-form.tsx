"use client";

import { useTranslations } from "next-intl";
import type { SignInState } from "@/lib/auth/sign-in";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useSignInStep } from "./use-sign-in-step";

const ENDPOINT = "/api/sign-in/password";

/** The password step. `error`: a message key brought back in the address after a post without JavaScript. */
export function SignInForm({ error }: { error?: string }) {
  const t = useTranslations();
  const [state, submit, pending] = useSignInStep<SignInState>(ENDPOINT, error ? { problem: { key: error } } : {});
  return (
    <Form action={ENDPOINT} method="post" onSubmit={submit} answer={state}>
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
