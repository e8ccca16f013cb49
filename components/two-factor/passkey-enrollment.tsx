"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Fingerprint } from "lucide-react";
import { finishPasskeyEnrollment, startPasskeyEnrollment, type EnrollPasskeyState } from "@/lib/actions/passkeys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ceremonyFailure, startRegistration, useWebAuthn } from "./webauthn";
import { useProblem } from "./problem";
import { RecoveryCodes } from "./recovery-codes";

/**
 * The wizard's "Use a passkey or security key instead": 2FA on with a passkey, recovery codes
 * shown once; `onDone` lets the wizard put them in place of its other steps. Hidden, explained,
 * without WebAuthn.
 */
export function PasskeyEnrollment({ app, onDone }: { app: string; onDone: () => void }) {
  const t = useTranslations("passkeys");
  const ts = useTranslations("setup");
  const explain = useProblem();
  const [state, action, pending] = useActionState<EnrollPasskeyState, FormData>(finishPasskeyEnrollment, {});
  const supported = useWebAuthn();
  const [problem, setProblem] = useState<string | undefined>();
  const response = useRef<HTMLInputElement>(null);
  const done = state.done;
  useEffect(() => {
    if (done) onDone();
  }, [done, onDone]);

  async function create() {
    setProblem(undefined);
    const answer = await startPasskeyEnrollment();
    if (!answer.options) return setProblem(explain(answer.error));
    try {
      response.current!.value = JSON.stringify(await startRegistration({ optionsJSON: answer.options }));
      response.current!.form!.requestSubmit();
    } catch (error) {
      setProblem(t(ceremonyFailure(error)));
    }
  }

  if (done) {
    return (
      <div className="space-y-6">
        <Alert tone="success" title={<span role="heading" aria-level={2}>{ts("doneTitle")}</span>}>
          <p>{ts("donePasskey")}</p>
        </Alert>
        <Card>
          {/* A full page load: the header and the rollout banner must show the new state. */}
          <RecoveryCodes codes={done.codes} email={done.email} app={app} continueLabel={ts("continue")} continueHref="/" />
        </Card>
      </div>
    );
  }
  const error = problem ?? explain(state.error);
  return (
    <Card as="section" labelledBy="passkey-enrollment-title">
      <h2 id="passkey-enrollment-title" className="text-xl flex items-center gap-2"><Fingerprint aria-hidden className="size-5" />{t("wizardOption")}</h2>
      {supported === false ? (
        <Alert tone="info" live={false}>{t("unsupported")}</Alert>
      ) : (
        <form action={action} className="space-y-4">
          <p>{t("wizardIntro")}</p>
          {error && <Alert tone="error">{error}</Alert>}
          <input type="hidden" name="name" value={t("defaultName")} />
          <input ref={response} type="hidden" name="response" />
          <Button type="button" variant="secondary" onClick={create} disabled={pending || supported === null}>{t("wizardCreate")}</Button>
        </form>
      )}
    </Card>
  );
}
