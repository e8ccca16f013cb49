"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { confirmIdentity, type ConfirmState } from "@/lib/actions/two-factor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { ConfirmWithPasskey, useConfirmFactors, type CeremonyProblem } from "./passkey-confirm";
import { useProblem } from "./problem";

const INTROS = { app: "confirmWithCode", passkey: "confirmWithPasskey", both: "confirmWithBoth", recovery: "confirmWithRecovery" } as const;

/**
 * The wizard's "confirm your password" step. `withCode`: 2FA is on (a change of app), so a second
 * factor is asked too: a code from the app (`withApp`) or a recovery code in one field, or one of
 * the account's passkeys (`withPasskey`).
 */
export function ConfirmIdentityForm({ withCode, withApp = false, withPasskey = false }: { withCode: boolean; withApp?: boolean; withPasskey?: boolean }) {
  const t = useTranslations("setup");
  const explain = useProblem();
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmIdentity, {});
  const [ceremony, setCeremony] = useState<CeremonyProblem>();
  const passkeyProblem = ceremony?.passkey ?? explain(state.errors?.passkey);
  const factors = useConfirmFactors(withApp, withPasskey);
  return (
    <Form action={action} answer={state} onSubmit={() => setCeremony(undefined)}>
      <p>{withCode ? t(INTROS[factors]) : t("confirmIntro")}</p>
      {withCode && passkeyProblem && <Alert tone="error">{passkeyProblem}</Alert>}
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" autoFocus error={ceremony?.password ?? explain(state.errors?.password)} />
      {withCode && <Field label={t("currentCode")} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} error={explain(state.errors?.code)} />}
      <div className="flex flex-wrap gap-2">
        <Button disabled={pending}>{t("confirm")}</Button>
        {withCode && withPasskey && <ConfirmWithPasskey disabled={pending} onProblem={setCeremony} />}
      </div>
    </Form>
  );
}
