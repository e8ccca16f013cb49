"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { disownAction, type DisownState } from "@/lib/actions/recovery";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "@/components/two-factor/problem";

/** One button: a mail scanner that opens the link changes nothing; the owner's click does. */
export function NotMeForm({ token }: { token: string }) {
  const t = useTranslations("recovery.notMe");
  const explain = useProblem();
  const [state, action, pending] = useActionState<DisownState, FormData>(disownAction, {});
  if (state.done) return <Notice tone="success">{t("done")}{state.locked && <> {t("locked")}</>}</Notice>;
  return (
    <Form action={action} answer={state}>
      {state.error && <Notice tone="error">{explain(state.error)}</Notice>}
      <input type="hidden" name="token" value={token} />
      <Button variant="danger" disabled={pending}>{t("submit")}</Button>
    </Form>
  );
}
