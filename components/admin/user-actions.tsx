"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOutEverywhere, unlockTwoFactor, type SupportState } from "@/lib/actions/admin";
import { startSupportRecovery, type RecoveryFormState } from "@/lib/actions/recovery";
import { IDENTITY_CHECKS, RESET_REASON_MAX } from "@/lib/admin/identity-checks";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { useProblem } from "@/components/two-factor/problem";
import { Checkboxes, TextArea } from "@/components/ui/field";

/** Support's 2FA reset: how the identity was checked and why, both kept in the audit log. */
export function ResetTwoFactor({ userId, enabled, self }: { userId: string; enabled: boolean; self: boolean }) {
  const t = useTranslations("console.reset");
  const tr = useTranslations("recovery.reset");
  const explain = useProblem();
  const [state, action, pending] = useActionState<RecoveryFormState, FormData>(startSupportRecovery, {});
  return (
    <Card as="section" labelledBy="reset-title">
      <h3 className="text-lg" id="reset-title">{t("title")}</h3>
      {state.done ? (
        <Alert tone="success">{state.done.pending ? tr("pending") : t("done", { count: state.done.signedOut ?? 0 })}</Alert>
      ) : !enabled ? (
        <p>{t("notEnabled")}</p>
      ) : self ? (
        <p>{t("self")}</p>
      ) : (
        <Form action={action} answer={state}>
          <p>{t("intro")}</p>
          {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="kind" value="reset" />
          <Checkboxes
            id="reset-verification"
            name="verification"
            legend={t("verification")}
            options={IDENTITY_CHECKS.map((c) => ({ value: c, label: t(`checks.${c}`) }))}
            checked={state.values?.verification}
            error={explain(state.errors?.verification)}
          />
          <TextArea
            id="reset-reason"
            name="reason"
            label={t("reason")}
            hint={t("reasonHint")}
            maxLength={RESET_REASON_MAX}
            required
            defaultValue={state.values?.reason}
            error={explain(state.errors?.reason)}
          />
          <Button variant="danger" disabled={pending}>{t("submit")}</Button>
        </Form>
      )}
    </Card>
  );
}

/** Shown while the account is locked, and with its outcome once unlocked. */
export function UnlockTwoFactor({ userId, locked }: { userId: string; locked: boolean }) {
  const t = useTranslations("console.unlock");
  const explain = useProblem();
  const [state, action, pending] = useActionState<SupportState, FormData>(unlockTwoFactor, {});
  if (!locked && !state.done && !state.error) return null;
  return (
    <Card as="section" labelledBy="unlock-title">
      <h3 className="text-lg" id="unlock-title">{t("title")}</h3>
      {state.done ? (
        <Alert tone="success">{t("done")}</Alert>
      ) : (
        <Form action={action} answer={state}>
          <p>{t("intro")}</p>
          {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
          <input type="hidden" name="userId" value={userId} />
          <Button disabled={pending}>{t("submit")}</Button>
        </Form>
      )}
    </Card>
  );
}

export function SignOutEverywhere({ userId }: { userId: string }) {
  const t = useTranslations("console.signOut");
  const explain = useProblem();
  const [state, action, pending] = useActionState<SupportState, FormData>(signOutEverywhere, {});
  return (
    <Card as="section" labelledBy="sign-out-title">
      <h3 className="text-lg" id="sign-out-title">{t("title")}</h3>
      <p>{t("intro")}</p>
      {state.done && <Alert tone="success">{t("done", { count: state.done.signedOut ?? 0 })}</Alert>}
      {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
      <Form action={action} answer={state}>
        <input type="hidden" name="userId" value={userId} />
        <Button variant="secondary" disabled={pending}>{t("submit")}</Button>
      </Form>
    </Card>
  );
}
