"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestReset, type LostAccessState } from "@/lib/actions/lost-access";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { Form } from "@/components/ui/form";

export function LostAccessForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<LostAccessState, FormData>(requestReset, {});
  // The form gives way to its answer: the focus goes to it, not to the page.
  if (state.expired) return <FocusOnMount><Alert tone="error">{t("verify.expired")} <Link href="/login">{t("lostAccess.back")}</Link></Alert></FocusOnMount>;
  if (state.done) return <FocusOnMount><Alert tone="success">{t(`lostAccess.${state.done}`)}{state.reference && <> {t("recovery.lostAccess.reference", { reference: state.reference })}</>}</Alert></FocusOnMount>;
  const error = (f: keyof NonNullable<LostAccessState["errors"]>) => (state.errors?.[f] ? t(state.errors[f]!) : undefined);
  return (
    <Form action={action} answer={state}>
      <Field label={t("lostAccess.fullName")} name="fullName" autoComplete="name" defaultValue={state.values?.fullName} error={error("fullName")} maxLength={200} />
      <Field label={t("lostAccess.organisation")} name="organisation" autoComplete="organization" defaultValue={state.values?.organisation} error={error("organisation")} maxLength={200} />
      <TextArea label={t("lostAccess.explanation")} hint={t("lostAccess.explanationHint")} name="explanation" maxLength={2000} defaultValue={state.values?.explanation} error={error("explanation")} />
      <Field label={t("lostAccess.phone")} hint={t("lostAccess.phoneHint")} name="phone" type="tel" autoComplete="tel" defaultValue={state.values?.phone} error={error("phone")} maxLength={30} />
      <Button disabled={pending}>{t("lostAccess.submit")}</Button>
    </Form>
  );
}
