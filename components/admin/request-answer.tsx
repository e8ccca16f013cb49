"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { answerResetRequest, type AnswerState } from "@/lib/actions/admin";
import { REQUEST_ANSWER_MAX } from "@/lib/admin/identity-checks";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Form } from "@/components/ui/form";
import { useProblem } from "@/components/two-factor/problem";
import { TextArea } from "@/components/ui/field";

/** Resolves or rejects one request; the button pressed says which, the message goes to the person. */
export function RequestAnswer({ requestId }: { requestId: string }) {
  const t = useTranslations("console.requests");
  const tr = useTranslations("recovery.request");
  const explain = useProblem();
  const [state, action, pending] = useActionState<AnswerState, FormData>(answerResetRequest, {});
  return (
    <Form action={action} answer={state}>
      {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
      <input type="hidden" name="requestId" value={requestId} />
      <TextArea
        id={`message-${requestId}`}
        name="message"
        label={t("message")}
        hint={t("messageHint")}
        maxLength={REQUEST_ANSWER_MAX}
        required
        defaultValue={state.values?.message}
        error={explain(state.errors?.message)}
      />
      <div className="flex flex-wrap gap-2">
        <Button name="outcome" value="info" disabled={pending}>{tr("askInfo")}</Button>
        <Button name="outcome" value="rejected" variant="secondary" disabled={pending}>{t("reject")}</Button>
      </div>
    </Form>
  );
}
