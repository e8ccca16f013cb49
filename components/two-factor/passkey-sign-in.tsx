"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { passkeySignIn, passkeySignInOptions, type PasskeySignInState } from "@/lib/actions/passkeys";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TrustChoice } from "./trust-choice";
import { useProblem } from "./problem";

/** "Use a passkey" at the second sign-in step; hidden, with a short explanation, where WebAuthn is not available. */
export function PasskeySignIn({ trustDays }: { trustDays: number }) {
  const t = useTranslations("passkeys");
  const explain = useProblem();
  const [state, action, pending] = useActionState<PasskeySignInState, FormData>(passkeySignIn, {});
  const [supported, setSupported] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const response = useRef<HTMLInputElement>(null);
  // Known only in the browser: an insecure origin other than localhost has no WebAuthn.
  useEffect(() => setSupported(browserSupportsWebAuthn() && window.isSecureContext), []);

  async function use() {
    setProblem(undefined);
    const answer = await passkeySignInOptions();
    if (!answer.options) return setProblem(explain(answer.error));
    try {
      const credential = await startAuthentication({ optionsJSON: answer.options });
      response.current!.value = JSON.stringify(credential);
      form.current!.requestSubmit();
    } catch {
      setProblem(t("cancelled"));
    }
  }

  if (supported === false) return <Notice tone="info">{t("unsupported")}</Notice>;
  const error = problem ?? explain(state.error);
  return (
    <form ref={form} action={action} className="stack">
      <p>{t("signInIntro")}</p>
      {error && <Notice tone="error">{error}</Notice>}
      <input ref={response} type="hidden" name="response" />
      {trustDays > 0 && <TrustChoice days={trustDays} />}
      <Button type="button" onClick={use} disabled={pending || supported === null}>{t("use")}</Button>
    </form>
  );
}
