"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Fingerprint } from "lucide-react";
import { passkeySignIn, passkeySignInOptions, type PasskeySignInState } from "@/lib/actions/passkeys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { TrustChoice } from "./trust-choice";
import { startAuthentication, useWebAuthn } from "./webauthn";
import { useProblem } from "./problem";

/** "Use a passkey" at the second sign-in step; hidden, with a short explanation, where WebAuthn is not available. */
export function PasskeySignIn({ trustDays }: { trustDays: number }) {
  const t = useTranslations("passkeys");
  const explain = useProblem();
  const [state, action, pending] = useActionState<PasskeySignInState, FormData>(passkeySignIn, {});
  const supported = useWebAuthn();
  const [problem, setProblem] = useState<string | undefined>();
  const response = useRef<HTMLInputElement>(null);

  async function use() {
    setProblem(undefined);
    const answer = await passkeySignInOptions();
    if (!answer.options) return setProblem(explain(answer.error));
    try {
      const credential = await startAuthentication({ optionsJSON: answer.options });
      response.current!.value = JSON.stringify(credential);
      response.current!.form!.requestSubmit();
    } catch {
      setProblem(t("cancelled"));
    }
  }

  if (supported === false) return <Alert tone="info" live={false}>{t("unsupported")}</Alert>;
  const error = problem ?? explain(state.error);
  return (
    <Form action={action} answer={state}>
      {error && <Alert tone="error">{error}</Alert>}
      <input ref={response} type="hidden" name="response" />
      {trustDays > 0 && <TrustChoice days={trustDays} id="trust-passkey" />}
      <Button type="button" onClick={use} disabled={pending || supported === null} className="w-full">
        <Fingerprint aria-hidden />
        {t("use")}
      </Button>
    </Form>
  );
}
