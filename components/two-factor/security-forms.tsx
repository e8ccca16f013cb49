"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { changeTwoFactor, type SecurityState } from "@/lib/actions/two-factor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "./problem";
import { RecoveryCodes } from "./recovery-codes";

type Operation = "regenerate" | "change" | "disable";

const LABELS: Record<Operation, { title: string; button: string; hint: string; variant: "primary" | "secondary" | "danger" }> = {
  regenerate: { title: "regenerateTitle", button: "regenerate", hint: "regenerateHint", variant: "secondary" },
  change: { title: "changeTitle", button: "change", hint: "changeHint", variant: "secondary" },
  disable: { title: "disableTitle", button: "disable", hint: "disableHint", variant: "danger" },
};

/** One change of the security settings, confirmed with the password and a current code. */
/** `submission`: the form's first submission id (lib/two-factor/issued.ts); a repeated submission shows the same codes. */
export function SecurityChange({ operation, email, app, submission }: { operation: Operation; email: string; app: string; submission: string }) {
  const t = useTranslations("security");
  const explain = useProblem();
  const [state, action, pending] = useActionState<SecurityState, FormData>(changeTwoFactor, {});
  // Codes exist once: they stay on screen whatever is submitted after them, until newer ones come.
  const [issued, setIssued] = useState<Pick<SecurityState, "codes" | "signedOut" | "submission">>({});
  if (state.codes && state.codes !== issued.codes) setIssued({ codes: state.codes, signedOut: state.signedOut, submission: state.submission });
  const labels = LABELS[operation];
  const id = (name: string) => `${operation}-${name}`;
  return (
    <section className="setting" aria-labelledby={id("title")}>
      <h2 id={id("title")}>{t(labels.title as "regenerateTitle")}</h2>
      <p>{t(labels.hint as "regenerateHint")}</p>
      {issued.codes && (
        <>
          <Notice tone="success">{t("regenerated")} {issued.signedOut ? t("otherSessions", { count: issued.signedOut }) : null}</Notice>
          <RecoveryCodes codes={issued.codes} email={email} app={app} />
        </>
      )}
      {state.disabled && <Notice tone="success">{t("disabled")}</Notice>}
      {!state.disabled && (
        <form action={action} noValidate className="stack">
          <input type="hidden" name="operation" value={operation} />
          <input type="hidden" name="submission" value={issued.submission ?? submission} />
          <Field id={id("password")} label={t("password")} name="password" type="password" autoComplete="current-password" error={explain(state.errors?.password)} />
          <Field id={id("code")} label={t("code")} name="code" autoComplete="one-time-code" error={explain(state.errors?.code)} />
          <Button variant={labels.variant} disabled={pending}>{t(labels.button as "regenerate")}</Button>
        </form>
      )}
    </section>
  );
}
