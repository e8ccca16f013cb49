"use client";

import { useActionState, useEffect, useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Copy, ExternalLink } from "lucide-react";
import { confirmEnrollment, type EnrollState } from "@/lib/actions/two-factor";
import { Alert } from "@/components/ui/alert";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeInput } from "@/components/ui/code-input";
import { Form } from "@/components/ui/form";
import { useProblem } from "./problem";
// Loaded when a code is confirmed: the done screen is not part of the wizard's first load.
const RecoveryCodes = dynamic(() => import("./recovery-codes").then((m) => m.RecoveryCodes));
import { WizardStepper } from "./wizard-stepper";
import { PasskeyEnrollment } from "./passkey-enrollment";

/**
 * `notice`: why the wizard is shown (mandatory since…), left out once it is done; `qr`: the QR
 * code, drawn on the server (no QR library in the browser); `scanTitle` and `doneTitle`: the tab's
 * title on this step and once done, without the product's name (set here too: a server action's
 * redirect to the wizard's own address does not apply the page's metadata again); `passkey`:
 * "Use a passkey or security key instead" is offered beside the app (a first enrollment only).
 */
type Props = { uri: string; typedKey: string; submission: string; app: string; cancel: () => Promise<void>; notice: ReactNode; qr: ReactNode; changing: boolean; scanTitle: string; doneTitle: string; passkey: boolean };

export function ScanStep({ uri, typedKey, submission, app, cancel, notice, qr, changing, scanTitle, doneTitle, passkey }: Props) {
  const t = useTranslations("setup");
  const explain = useProblem();
  const [copied, setCopied] = useState(false);
  const [state, action, pending] = useActionState<EnrollState, FormData>(confirmEnrollment, {});
  // Enrolled with a passkey instead: its own answer (recovery codes) replaces the app's steps.
  const [byPasskey, setByPasskey] = useState(false);
  const done = state.done;
  useEffect(() => {
    document.title = `${done ? doneTitle : scanTitle} · ${app}`;
  }, [done, doneTitle, scanTitle, app]);

  if (done) {
    return (
      <div className="space-y-6">
        <WizardStepper changing={changing} step={changing ? "done" : "codes"} />
        {/* The form and its button are gone: the focus goes to what replaced them, not to the page. */}
        <FocusOnMount>
          <Alert tone="success" title={<span role="heading" aria-level={2}>{done.added ? t("addedTitle") : done.changed ? t("changedTitle") : t("doneTitle")}</span>}>
            <p>{done.added ? t("added") : done.changed ? t("changed") : t("done")}</p>
            <p>{t("tryIt")}</p>
          </Alert>
        </FocusOnMount>
        {done.codes ? (
          <Card>
            {/* A full page load: the header and the rollout banner must show the new state. */}
            <RecoveryCodes codes={done.codes} email={done.email} app={app} continueLabel={t("continue")} continueHref="/" />
          </Card>
        ) : (
          <ButtonAnchor href="/settings/security">{t("toSecurity")}</ButtonAnchor>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <WizardStepper changing={changing} step={byPasskey ? "codes" : "scan"} />
      {!byPasskey && notice}
      {!byPasskey && (
        <>
          <Card as="section" labelledBy="scan-title">
            <h2 id="scan-title" className="text-xl">{t("scanTitle")}</h2>
            <p>{t("scan", { app })}</p>
            <div className="grid gap-4 md:grid-cols-[auto_1fr] md:items-start">
              {/* On a phone the app is on the same screen: a link into it and the key come first. */}
              <div className="space-y-3 min-w-0">
                <ButtonAnchor href={uri} variant="primary" className="md:hidden w-full"><ExternalLink aria-hidden />{t("openInApp")}</ButtonAnchor>
                <p>{t("manual")}</p>
                <p className="flex flex-wrap items-center gap-2">
                  <code data-testid="totp-key" className="rounded-md bg-surface-muted px-2 py-1 font-mono text-lg tracking-wide">{typedKey}</code>
                  <Button type="button" size="sm" variant="secondary" onClick={() => navigator.clipboard.writeText(typedKey.replace(/\s/g, "")).then(() => setCopied(true))}>
                    <Copy aria-hidden />{copied ? t("copied") : t("copyKey")}
                  </Button>
                </p>
              </div>
              <div className="w-fit rounded-md border border-line bg-white p-2 md:order-first">
                {qr}
              </div>
            </div>
          </Card>
          <Card as="section" labelledBy="code-title">
            <h2 id="code-title" className="text-xl">{t("codeTitle")}</h2>
            <Form action={action} answer={state}>
              <p>{t("enterCode")}</p>
              <input type="hidden" name="submission" value={submission} />
              {state.expired && state.error && <Alert tone="error">{explain(state.error)}</Alert>}
              <CodeInput label={t("code")} name="code" autoFocus error={state.expired ? undefined : explain(state.error)} />
              <div className="flex flex-wrap gap-2">
                <Button disabled={pending}>{t("submit")}</Button>
              </div>
            </Form>
          </Card>
        </>
      )}
      {passkey && (
        <PasskeyEnrollment
          app={app}
          onDone={() => {
            setByPasskey(true);
            document.title = `${doneTitle} · ${app}`;
          }}
        />
      )}
      {!byPasskey && (
        <form action={cancel}>
          <Button variant="link">{t("cancel")}</Button>
        </form>
      )}
    </div>
  );
}
