"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { finishPasskeyEnrollment, startPasskeyEnrollment, type EnrollPasskeyState } from "@/lib/actions/passkeys";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "./problem";
import { RecoveryCodes } from "./recovery-codes";

/** The wizard's "Use a passkey or security key instead": 2FA on with a passkey; hidden, explained, without WebAuthn. */
export function PasskeyEnrollment({ app }: { app: string }) {
  const t = useTranslations("passkeys");
  const ts = useTranslations("setup");
  const explain = useProblem();
  const [state, action, pending] = useActionState<EnrollPasskeyState, FormData>(finishPasskeyEnrollment, {});
  const [supported, setSupported] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const response = useRef<HTMLInputElement>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn() && window.isSecureContext), []);

  async function create() {
    setProblem(undefined);
    const answer = await startPasskeyEnrollment();
    if (!answer.options) return setProblem(explain(answer.error));
    try {
      response.current!.value = JSON.stringify(await startRegistration({ optionsJSON: answer.options }));
      form.current!.requestSubmit();
    } catch {
      setProblem(t("cancelled"));
    }
  }

  if (state.done) {
    return (
      <div className="stack">
        <Notice tone="success">
          <h2>{ts("doneTitle")}</h2>
          <p>{ts("done")}</p>
        </Notice>
        <RecoveryCodes codes={state.done.codes} email={state.done.email} app={app} />
        <p><a href="/settings/security">{ts("toSecurity")}</a></p>
      </div>
    );
  }
  return (
    <section className="setting" aria-labelledby="passkey-enrollment-title">
      <h2 id="passkey-enrollment-title">{t("wizardOption")}</h2>
      {supported === false ? (
        <Notice tone="info">{t("unsupported")}</Notice>
      ) : (
        <form ref={form} action={action} className="stack">
          <p>{t("wizardIntro")}</p>
          {(problem ?? explain(state.error)) && <Notice tone="error">{problem ?? explain(state.error)}</Notice>}
          <input type="hidden" name="name" value={t("defaultName")} />
          <input ref={response} type="hidden" name="response" />
          <Button type="button" variant="secondary" onClick={create} disabled={pending || supported === null}>{t("wizardCreate")}</Button>
        </form>
      )}
    </section>
  );
}
