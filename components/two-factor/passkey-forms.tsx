"use client";

import { useActionState, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Fingerprint, Pencil, Plus, Trash2 } from "lucide-react";
import {
  finishAddingPasskey,
  removePasskeyAction,
  renamePasskeyAction,
  startAddingPasskey,
  type AddPasskeyState,
  type FinishPasskeyState,
  type PasskeyChangeState,
} from "@/lib/actions/passkeys";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { Form } from "@/components/ui/form";
import { ConfirmWithPasskey, type CeremonyProblem } from "./passkey-confirm";
import { useProblem } from "./problem";
import { ceremonyFailure, startRegistration, useWebAuthn } from "./webauthn";

/** A passkey as the list shows it: dates already written in the reader's language with their zone. */
export type PasskeyRow = { id: string; name: string; created: string; lastUsed: string | null; backedUp: boolean };

/**
 * What a rename or removal says once done: a status message that takes the focus (the dialog's
 * button, or the whole row, is gone or behind it). `focusTarget` is where a closing dialog sends focus.
 */
type Outcome = { announce: (message: "renamed" | "removed") => void; removing: (id: string) => void; focusTarget: () => HTMLElement | null; clear: () => void };

/** The security page's passkeys: each with rename and remove, and "Add a passkey"; explained instead where WebAuthn is missing. */
export function PasskeyTable({ rows, titleId }: { rows: PasskeyRow[]; titleId: string }) {
  const t = useTranslations("passkeys");
  const supported = useWebAuthn();
  const [notice, setNotice] = useState<{ message: "renamed" | "removed"; n: number } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  // A removal is done when its row is gone from the page the server sent back (its dialog went with it).
  if (removing && !rows.some((row) => row.id === removing)) {
    setRemoving(null);
    setNotice({ message: "removed", n: (notice?.n ?? 0) + 1 });
  }
  const outcome = useMemo<Outcome>(
    () => ({
      announce: (message) => setNotice((last) => ({ message, n: (last?.n ?? 0) + 1 })),
      removing: setRemoving,
      focusTarget: () => status.current?.querySelector<HTMLElement>("[role=status]") ?? null,
      clear: () => setNotice(null),
    }),
    [],
  );
  return (
    <>
      {notice && (
        <div ref={status}>
          <FocusOnMount key={notice.n}><Alert tone="success">{t(notice.message)}</Alert></FocusOnMount>
        </div>
      )}
      {rows.length ? (
        <ul className="divide-y divide-line" aria-labelledby={titleId}>
          {rows.map((row) => (
            <li key={row.id} aria-label={row.name} className="flex flex-wrap items-start gap-3 py-3">
              <Fingerprint aria-hidden className="size-5 mt-0.5 shrink-0 text-muted" />
              <div className="min-w-0 flex-1 basis-56 space-y-0.5 [overflow-wrap:anywhere]">
                <p className="font-semibold">
                  {row.name} <Badge tone={row.backedUp ? "success" : "neutral"}>{row.backedUp ? t("synced") : t("notSynced")}</Badge>
                </p>
                <p className="text-sm text-muted">{t("createdOn", { date: row.created })}</p>
                <p className="text-sm text-muted">{row.lastUsed ? t("lastUsed", { time: row.lastUsed }) : t("neverUsed")}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                <RenamePasskey id={row.id} name={row.name} outcome={outcome} />
                <RemovePasskey id={row.id} name={row.name} outcome={outcome} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
      {supported === false ? <Alert tone="info" live={false}>{t("unsupported")}</Alert> : <AddPasskey disabled={supported === null} withPasskey={rows.length > 0} />}
    </>
  );
}

/** "Add a passkey": a dialog asks for a name, the password and a code, then the browser creates the credential. */
function AddPasskey({ disabled, withPasskey }: { disabled: boolean; withPasskey: boolean }) {
  const t = useTranslations("passkeys");
  const explain = useProblem();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  return (
    <>
      {added && <Alert tone="success">{t("added", { name: added })}</Alert>}
      <Button
        type="button"
        variant="secondary"
        disabled={disabled}
        onClick={(event) => {
          opener.current = event.currentTarget;
          setAdded(null);
          setOpened((n) => n + 1);
          setOpen(true);
        }}
      >
        <Plus aria-hidden />
        {t("add")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t("addTitle")} description={t("addHint")} closeLabel={t("cancel")} opener={() => opener.current}>
        <AddPasskeyForm
          key={opened}
          explain={explain}
          withPasskey={withPasskey}
          close={() => setOpen(false)}
          onAdded={(name) => {
            setAdded(name);
            setOpen(false);
          }}
        />
      </Dialog>
    </>
  );
}

function AddPasskeyForm({ explain, withPasskey, close, onAdded }: { explain: ReturnType<typeof useProblem>; withPasskey: boolean; close: () => void; onAdded: (name: string) => void }) {
  const t = useTranslations("passkeys");
  const tr = useTranslations("errors");
  const [start, startAction, starting] = useActionState<AddPasskeyState, FormData>(startAddingPasskey, {});
  const [finish, finishAction, finishing] = useActionState<FinishPasskeyState, FormData>(finishAddingPasskey, {});
  const [failure, setFailure] = useState<ReturnType<typeof ceremonyFailure> | null>(null);
  const [confirming, setConfirming] = useState<CeremonyProblem>();
  const confirmProblem = confirming?.passkey ?? explain(start.errors?.passkey);
  const response = useRef<HTMLInputElement>(null);
  // Each new set of options starts the browser's ceremony once; "Try again" after a cancelled
  // prompt starts it again with the same options (the challenge is spent only by a registration,
  // so the password and code are not asked twice while it lasts).
  const [attempt, setAttempt] = useState(0);
  const handled = useRef<{ options: unknown; attempt: number } | null>(null);
  useEffect(() => {
    if (!start.options || (handled.current?.options === start.options && handled.current.attempt === attempt)) return;
    handled.current = { options: start.options, attempt };
    setFailure(null);
    startRegistration({ optionsJSON: start.options })
      .then((credential) => {
        response.current!.value = JSON.stringify(credential);
        response.current!.form!.requestSubmit();
      })
      .catch((error: unknown) => setFailure(ceremonyFailure(error)));
  }, [start.options, attempt]);
  useEffect(() => {
    if (finish.added) onAdded(finish.added);
  }, [finish.added, onAdded]);
  return (
    <>
      <Form action={startAction} answer={start} onSubmit={() => setConfirming(undefined)}>
        {confirmProblem && <Alert tone="error">{confirmProblem}</Alert>}
        {finish.error && <Alert tone="error">{explain(finish.error)}</Alert>}
        {failure && <Alert tone="error">{t(failure)}</Alert>}
        {failure && start.options && !finish.error && (
          <Button type="button" variant="secondary" onClick={() => setAttempt((n) => n + 1)}>{tr("retry")}</Button>
        )}
        <Field id="passkey-name" label={t("name")} hint={t("nameHint")} name="name" maxLength={60} defaultValue={t("defaultName")} error={explain(start.errors?.name)} />
        <Field id="passkey-password" label={t("password")} name="password" type="password" autoComplete="current-password" autoFocus error={confirming?.password ?? explain(start.errors?.password)} />
        <Field id="passkey-code" label={t("code")} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} error={explain(start.errors?.code)} />
        <div className="flex flex-wrap gap-2">
          <Button disabled={starting || finishing}>{t("add")}</Button>
          {withPasskey && <ConfirmWithPasskey disabled={starting || finishing} onProblem={setConfirming} />}
          <Button type="button" variant="secondary" onClick={close}>{t("cancel")}</Button>
        </div>
      </Form>
      <form action={finishAction} hidden>
        <input type="hidden" name="name" value={start.name ?? ""} />
        <input ref={response} type="hidden" name="response" />
      </form>
    </>
  );
}

/**
 * A button that opens a dialog for one change of a passkey; the form inside is mounted anew at
 * each opening (`children` gets a function that closes the dialog). Focus returns to the button, or,
 * once the change is done, to the message that says so.
 */
function PasskeyDialog({ label, icon, variant, title, description, outcome, children }: { label: string; icon: ReactNode; variant: "secondary" | "danger"; title: string; description?: string; outcome: Outcome; children: (key: number, close: () => void) => ReactNode }) {
  const t = useTranslations("passkeys");
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const opener = useRef<HTMLElement | null>(null);
  return (
    <>
      <Button type="button" size="sm" variant={variant} aria-label={label} onClick={(event) => { opener.current = event.currentTarget; outcome.clear(); setOpened((n) => n + 1); setOpen(true); }}>
        {icon}
        {variant === "danger" ? t("remove") : t("rename")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={title} description={description} closeLabel={t("cancel")} opener={() => outcome.focusTarget() ?? opener.current}>
        {children(opened, () => setOpen(false))}
      </Dialog>
    </>
  );
}

/** "Rename": a dialog with the name. */
function RenamePasskey({ id, name, outcome }: { id: string; name: string; outcome: Outcome }) {
  const t = useTranslations("passkeys");
  const tu = useTranslations("ui");
  const explain = useProblem();
  return (
    <PasskeyDialog label={tu("actionOn", { action: t("rename"), name })} icon={<Pencil aria-hidden />} variant="secondary" title={tu("actionOn", { action: t("rename"), name })} outcome={outcome}>
      {(key, close) => <RenameForm key={key} id={id} name={name} explain={explain} close={close} announce={outcome.announce} />}
    </PasskeyDialog>
  );
}

function RenameForm({ id, name, explain, close, announce }: { id: string; name: string; explain: ReturnType<typeof useProblem>; close: () => void; announce: Outcome["announce"] }) {
  const t = useTranslations("passkeys");
  const [state, action, pending] = useActionState<PasskeyChangeState, FormData>(renamePasskeyAction, {});
  // Once per answer: `close` is a new function at each render.
  const answered = useRef<PasskeyChangeState | null>(null);
  useEffect(() => {
    if (state.done !== "renamed" || answered.current === state) return;
    answered.current = state;
    announce("renamed");
    close();
  }, [state, close, announce]);
  return (
    <Form action={action} answer={state}>
      <input type="hidden" name="passkeyId" value={id} />
      <Field id={`rename-${id}`} label={t("name")} hint={t("nameHint")} name="name" maxLength={60} defaultValue={name} autoFocus error={explain(state.error)} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={pending}>{t("rename")}</Button>
        <Button type="button" variant="secondary" onClick={close}>{t("cancel")}</Button>
      </div>
    </Form>
  );
}

/** "Remove": a dialog asks for the password and a second factor. */
function RemovePasskey({ id, name, outcome }: { id: string; name: string; outcome: Outcome }) {
  const t = useTranslations("passkeys");
  const tu = useTranslations("ui");
  const explain = useProblem();
  return (
    <PasskeyDialog label={tu("actionOn", { action: t("remove"), name })} icon={<Trash2 aria-hidden />} variant="danger" title={t("removeTitle", { name })} description={t("removeHint")} outcome={outcome}>
      {(key, close) => <RemoveForm key={key} id={id} explain={explain} close={close} removing={() => outcome.removing(id)} />}
    </PasskeyDialog>
  );
}

function RemoveForm({ id, explain, close, removing }: { id: string; explain: ReturnType<typeof useProblem>; close: () => void; removing: () => void }) {
  const t = useTranslations("passkeys");
  const [state, action, pending] = useActionState<PasskeyChangeState, FormData>(removePasskeyAction, {});
  const [confirming, setConfirming] = useState<CeremonyProblem>();
  const problem = confirming?.passkey ?? explain(state.error ?? state.errors?.passkey);
  return (
    <Form action={action} answer={state} onSubmit={() => { setConfirming(undefined); removing(); }}>
      {problem && <Alert tone="error">{problem}</Alert>}
      <input type="hidden" name="passkeyId" value={id} />
      <Field id={`remove-password-${id}`} label={t("password")} name="password" type="password" autoComplete="current-password" autoFocus error={confirming?.password ?? explain(state.errors?.password)} />
      <Field id={`remove-code-${id}`} label={t("code")} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} error={explain(state.errors?.code)} />
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={pending}>{t("remove")}</Button>
        <ConfirmWithPasskey disabled={pending} onProblem={setConfirming} />
        <Button type="button" variant="secondary" onClick={close}>{t("cancel")}</Button>
      </div>
    </Form>
  );
}
