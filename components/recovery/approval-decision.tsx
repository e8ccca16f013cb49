"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { decideSupportRecovery, type ApprovalState } from "@/lib/actions/recovery";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "@/components/two-factor/problem";
import { ShownCode } from "./issue-access-code";

/** Approve or decline one pending recovery; an approved code is shown here, to the approver only. */
export function ApprovalDecision({ recoveryId, own }: { recoveryId: string; own: boolean }) {
  const t = useTranslations("recovery.approvals");
  const explain = useProblem();
  const [state, action, pending] = useActionState<ApprovalState, FormData>(decideSupportRecovery, {});
  if (state.done?.code && state.done.expiresAt) return <ShownCode code={state.done.code} expiresAt={state.done.expiresAt} />;
  if (state.done) return <Notice tone="success">{state.done.approved ? t("resetDone", { count: state.done.signedOut ?? 0 }) : t("declined")}</Notice>;
  return (
    <Form action={action} answer={state}>
      {state.error && <Notice tone="error">{explain(state.error)}</Notice>}
      {own && <p>{t("own")}</p>}
      <input type="hidden" name="recoveryId" value={recoveryId} />
      <div className="actions">
        {!own && <Button name="decision" value="approve" disabled={pending}>{t("approve")}</Button>}
        <Button name="decision" value="decline" variant="secondary" disabled={pending}>{t("decline")}</Button>
      </div>
    </Form>
  );
}
