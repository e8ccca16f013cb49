"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import {
  finishAddingPasskey,
  removePasskeyAction,
  renamePasskeyAction,
  startAddingPasskey,
  type AddPasskeyState,
  type FinishPasskeyState,
  type PasskeyChangeState,
} from "@/lib/actions/passkeys";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useProblem } from "./problem";

/** "Add a passkey": password and code first, then the browser creates the credential. Hidden where WebAuthn is not available. */
export function AddPasskey() {
  const t = useTranslations("passkeys");
  const explain = useProblem();
  const [start, startAction, starting] = useActionState<AddPasskeyState, FormData>(startAddingPasskey, {});
  const [finish, finishAction, finishing] = useActionState<FinishPasskeyState, FormData>(finishAddingPasskey, {});
  const [supported, setSupported] = useState<boolean | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const finishForm = useRef<HTMLFormElement>(null);
  const response = useRef<HTMLInputElement>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn() && window.isSecureContext), []);

  // Each new set of options starts the browser's ceremony once.
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!start.options || handled.current === start.options) return;
    handled.current = start.options;
    setCancelled(false);
    startRegistration({ optionsJSON: start.options })
      .then((credential) => {
        response.current!.value = JSON.stringify(credential);
        finishForm.current!.requestSubmit();
      })
      .catch(() => setCancelled(true));
  }, [start.options]);

  if (supported === false) return <Notice tone="info">{t("unsupported")}</Notice>;
  return (
    <section className="setting" aria-labelledby="add-passkey-title">
      <h3 id="add-passkey-title">{t("addTitle")}</h3>
      <p>{t("addHint")}</p>
      {finish.added && <Notice tone="success">{t("added", { name: finish.added })}</Notice>}
      {finish.error && <Notice tone="error">{explain(finish.error)}</Notice>}
      {cancelled && <Notice tone="error">{t("cancelled")}</Notice>}
      <form action={startAction} noValidate className="stack">
        <Field id="passkey-name" label={t("name")} hint={t("nameHint")} name="name" maxLength={60} defaultValue={t("defaultName")} error={explain(start.errors?.name)} />
        <Field id="passkey-password" label={t("password")} name="password" type="password" autoComplete="current-password" error={explain(start.errors?.password)} />
        <Field id="passkey-code" label={t("code")} name="code" autoComplete="one-time-code" error={explain(start.errors?.code)} />
        <Button variant="secondary" disabled={starting || finishing || supported === null}>{t("add")}</Button>
      </form>
      <form ref={finishForm} action={finishAction} hidden>
        <input type="hidden" name="name" value={start.name ?? ""} />
        <input ref={response} type="hidden" name="response" />
      </form>
    </section>
  );
}

/** Rename and remove (password and a code) for one passkey of the list. */
export function PasskeyActions({ id, name }: { id: string; name: string }) {
  const t = useTranslations("passkeys");
  const explain = useProblem();
  const [renamed, renameAction, renaming] = useActionState<PasskeyChangeState, FormData>(renamePasskeyAction, {});
  const [removed, removeAction, removing] = useActionState<PasskeyChangeState, FormData>(removePasskeyAction, {});
  if (removed.done === "removed") return <Notice tone="success">{t("removed")}</Notice>;
  return (
    <div className="stack">
      <form action={renameAction} noValidate className="stack">
        <input type="hidden" name="passkeyId" value={id} />
        <Field id={`rename-${id}`} label={t("name")} name="name" maxLength={60} defaultValue={name} error={explain(renamed.error)} />
        {renamed.done === "renamed" && <Notice tone="success">{t("renamed")}</Notice>}
        <Button variant="secondary" disabled={renaming} aria-label={`${t("rename")}: ${name}`}>{t("rename")}</Button>
      </form>
      <form action={removeAction} noValidate className="stack" aria-label={t("removeTitle", { name })}>
        <p>{t("removeHint")}</p>
        {removed.error && <Notice tone="error">{explain(removed.error)}</Notice>}
        <input type="hidden" name="passkeyId" value={id} />
        <Field id={`remove-password-${id}`} label={t("password")} name="password" type="password" autoComplete="current-password" error={explain(removed.errors?.password)} />
        <Field id={`remove-code-${id}`} label={t("code")} name="code" autoComplete="one-time-code" error={explain(removed.errors?.code)} />
        <Button variant="danger" disabled={removing} aria-label={`${t("remove")}: ${name}`}>{t("remove")}</Button>
      </form>
    </div>
  );
}
