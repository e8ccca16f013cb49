"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { confirmEnrollment, type EnrollState } from "@/lib/actions/two-factor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "./problem";
import { RecoveryCodes } from "./recovery-codes";

/** `notice`: why the wizard is shown (mandatory since…), left out once it is done. */
/** `submission`: the confirmation's id (lib/two-factor/issued.ts): confirming twice shows the codes, not the QR code. */
type Props = { uri: string; typedKey: string; submission: string; app: string; cancel: () => Promise<void>; notice: ReactNode };

export function ScanStep({ uri, typedKey, submission, app, cancel, notice }: Props) {
  const t = useTranslations("setup");
  const explain = useProblem();
  const [copied, setCopied] = useState(false);
  const [state, action, pending] = useActionState<EnrollState, FormData>(confirmEnrollment, {});

  if (state.done) {
    return (
      <div className="stack">
        <Notice tone="success">
          <h2>{state.done.changed ? t("changedTitle") : t("doneTitle")}</h2>
          <p>{state.done.changed ? t("changed") : t("done")}</p>
        </Notice>
        {state.done.codes && <RecoveryCodes codes={state.done.codes} email={state.done.email} app={app} />}
        <p>{t("tryIt")}</p>
        {/* A full page load: the header and the rollout banner must show the new state. */}
        <p><a href="/settings/security">{t("toSecurity")}</a></p>
      </div>
    );
  }
  return (
    <div className="stack">
      {notice}
      <h2>{t("scanTitle")}</h2>
      <p>{t("scan", { app })}</p>
      <div className="qr">
        <QRCodeSVG value={uri} size={200} marginSize={2} title={t("qrAlt", { app })} role="img" aria-label={t("qrAlt", { app })} />
      </div>
      <p>{t("manual")}</p>
      <p className="typed-key">
        <code data-testid="totp-key">{typedKey}</code>{" "}
        <Button type="button" variant="secondary" onClick={() => navigator.clipboard.writeText(typedKey.replace(/\s/g, "")).then(() => setCopied(true))}>
          {copied ? t("copied") : t("copyKey")}
        </Button>
      </p>
      <form action={action} noValidate className="stack">
        <p>{t("enterCode")}</p>
        <input type="hidden" name="submission" value={submission} />
        {state.expired && state.error && <Notice tone="error">{explain(state.error)}</Notice>}
        <Field label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={12} autoFocus error={state.expired ? undefined : explain(state.error)} />
        <div className="actions">
          <Button disabled={pending}>{t("submit")}</Button>
        </div>
      </form>
      <form action={cancel}>
        <Button variant="link">{t("cancel")}</Button>
      </form>
    </div>
  );
}
