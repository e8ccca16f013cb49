"use client";

import { createContext, useActionState, useContext, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { changeTwoFactor, type SecurityOperation, type SecurityState } from "@/lib/actions/two-factor";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { ConfirmWithPasskey, useConfirmFactors, type CeremonyProblem } from "./passkey-confirm";
import { useProblem } from "./problem";
import { RecoveryCodes } from "./recovery-codes";

export type Operation = SecurityOperation;

const LABELS: Record<Operation, { title: `${Operation}Title`; button: Operation; hint: `${Operation}Hint`; variant: ButtonVariant }> = {
  regenerate: { title: "regenerateTitle", button: "regenerate", hint: "regenerateHint", variant: "primary" },
  change: { title: "changeTitle", button: "change", hint: "changeHint", variant: "primary" },
  addApp: { title: "addAppTitle", button: "addApp", hint: "addAppHint", variant: "primary" },
  disable: { title: "disableTitle", button: "disable", hint: "disableHint", variant: "danger" },
};

const Opener = createContext<(operation: Operation, button: HTMLElement) => void>(() => {});

/**
 * The one dialog of the security page: every change asks for the password and a current code
 * there, when the person starts it. Cards put `SecurityAction` buttons inside. `withApp`: the
 * account has an authenticator app; `withPasskey`: it has a passkey, which answers in place of a code.
 */
export function SecurityDialog({ email, app, withApp, withPasskey, children }: { email: string; app: string; withApp: boolean; withPasskey: boolean; children: ReactNode }) {
  const t = useTranslations("security");
  const [operation, setOperation] = useState<Operation | null>(null);
  const [opened, setOpened] = useState(0);
  const [last, setLast] = useState<Operation>("regenerate");
  const opener = useRef<HTMLElement | null>(null);
  const open = (op: Operation, button: HTMLElement) => {
    opener.current = button;
    setLast(op);
    setOperation(op);
    setOpened((n) => n + 1);
  };
  const labels = LABELS[operation ?? last];
  return (
    <Opener.Provider value={open}>
      {children}
      <Dialog open={operation !== null} onOpenChange={(o) => !o && setOperation(null)} title={t(labels.title)} description={t(labels.hint)} closeLabel={t("close")} opener={() => opener.current}>
        <ConfirmChange key={opened} operation={operation ?? last} email={email} app={app} withApp={withApp} withPasskey={withPasskey} close={() => setOperation(null)} />
      </Dialog>
    </Opener.Provider>
  );
}

/** A button that opens the security dialog for one change. */
export function SecurityAction({ operation, variant }: { operation: Operation; variant?: ButtonVariant }) {
  const t = useTranslations("security");
  const open = useContext(Opener);
  return (
    <Button type="button" variant={variant ?? (operation === "disable" ? "danger" : "secondary")} onClick={(event) => open(operation, event.currentTarget)}>
      {t(LABELS[operation].button)}
    </Button>
  );
}

/** 128 random bits as hex; crypto.getRandomValues works on plain-HTTP origins too. */
function newSubmissionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const HINTS = { app: "confirmHint", passkey: "confirmHintPasskey", both: "confirmHintBoth", recovery: "confirmHintRecovery" } as const;

function ConfirmChange({ operation, email, app, withApp, withPasskey, close }: { operation: Operation; email: string; app: string; withApp: boolean; withPasskey: boolean; close: () => void }) {
  const t = useTranslations("security");
  const explain = useProblem();
  const [state, action, pending] = useActionState<SecurityState, FormData>(changeTwoFactor, {});
  // Codes exist once: they stay on screen whatever is submitted after them, until newer ones come.
  const [issued, setIssued] = useState<Pick<SecurityState, "codes" | "signedOut" | "submission">>({});
  if (state.codes && state.codes !== issued.codes) setIssued({ codes: state.codes, signedOut: state.signedOut, submission: state.submission });
  const labels = LABELS[operation];
  // One id per opening of the dialog (lib/two-factor/issued.ts): a double submit of the same change
  // gets the same answer instead of acting twice; the next change gets a new id.
  const [submission] = useState(newSubmissionId);
  const [ceremony, setCeremony] = useState<CeremonyProblem>();
  const passkeyProblem = ceremony?.passkey ?? explain(state.errors?.passkey);
  const factors = useConfirmFactors(withApp, withPasskey);
  if (issued.codes)
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("regenerated")} {issued.signedOut ? t("otherSessions", { count: issued.signedOut }) : null}</Alert>
        <RecoveryCodes codes={issued.codes} email={email} app={app} continueLabel={t("done")} onContinue={close} />
      </div>
    );
  return (
    <Form action={action} answer={state} onSubmit={() => setCeremony(undefined)}>
      <p className="text-sm text-muted">{t(HINTS[factors])}</p>
      {passkeyProblem && <Alert tone="error">{passkeyProblem}</Alert>}
      <input type="hidden" name="operation" value={operation} />
      <input type="hidden" name="submission" value={issued.submission ?? submission} />
      <Field id="security-password" label={t("password")} name="password" type="password" autoComplete="current-password" autoFocus error={ceremony?.password ?? explain(state.errors?.password)} />
      <Field id="security-code" label={t("code")} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} error={explain(state.errors?.code)} />
      <div className="flex flex-wrap gap-2">
        <Button variant={labels.variant} disabled={pending}>{t(labels.button)}</Button>
        {withPasskey && <ConfirmWithPasskey disabled={pending} onProblem={setCeremony} />}
        <Button type="button" variant="secondary" onClick={close}>{t("cancel")}</Button>
      </div>
    </Form>
  );
}
