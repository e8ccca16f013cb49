"use client";

import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslations } from "next-intl";
import { Fingerprint } from "lucide-react";
import { passkeyConfirmationOptions } from "@/lib/actions/passkeys";
import { Button } from "@/components/ui/button";
import { startAuthentication, useWebAuthn } from "./webauthn";
import { useProblem } from "./problem";

/**
 * Which second factors a confirmation takes here, to say so above the fields: "app" (a code from
 * the app or a recovery code), "passkey" (a passkey or a recovery code), "both", or "recovery" (an
 * account without an app, in a browser that cannot use its passkeys). `withApp`, `withPasskey`:
 * what the account has. A browser without WebAuthn shows no "Use a passkey", so its passkeys are
 * not offered; until the browser has told (the first render), they are.
 */
export function useConfirmFactors(withApp: boolean, withPasskey: boolean): "app" | "passkey" | "both" | "recovery" {
  const supported = useWebAuthn();
  const passkey = withPasskey && supported !== false;
  if (!withApp) return passkey ? "passkey" : "recovery";
  return passkey ? "both" : "app";
}

/**
 * What "Use a passkey" found before the form was sent: the password refused (shown on its field,
 * before the browser asks for a passkey), or why no passkey answer came (cancelled, refused options).
 */
export type CeremonyProblem = { password?: string; passkey?: string };

/**
 * "Use a passkey" in a form that confirms a change with the password and a second factor: the
 * password is checked first, then the browser's answer is sent in the form's `passkey` field in
 * place of the code (lib/auth/confirm-identity.ts checks both). `onProblem` gets what to say when
 * the password was wrong or no answer came, undefined at each new try. Nothing shows where
 * WebAuthn is missing: the code field stays.
 */
export function ConfirmWithPasskey({ disabled, onProblem }: { disabled: boolean; onProblem: (problem: CeremonyProblem | undefined) => void }) {
  const t = useTranslations("passkeys");
  const explain = useProblem();
  const supported = useWebAuthn();
  const [asking, setAsking] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  async function confirm() {
    if (asking) return;
    const form = field.current!.form!;
    onProblem(undefined);
    // Without the password the server refuses anyway: say so before the browser asks for the passkey.
    const password = form.elements.namedItem("password");
    if (password instanceof HTMLInputElement && !password.value) return form.requestSubmit();
    setAsking(true);
    try {
      // A wrong password is said on its field before the browser asks for a passkey: no touch in vain.
      const answer = await passkeyConfirmationOptions(password instanceof HTMLInputElement ? password.value : "");
      if (answer.passwordError) {
        // Rendered before the focus moves, so that the field is announced with its error.
        flushSync(() => onProblem({ password: explain(answer.passwordError) }));
        if (password instanceof HTMLInputElement) password.focus();
        return;
      }
      if (!answer.options) return onProblem({ passkey: explain(answer.error) });
      const credential = await startAuthentication({ optionsJSON: answer.options });
      field.current!.value = JSON.stringify(credential);
      form.requestSubmit();
    } catch {
      onProblem({ passkey: t("cancelled") });
    } finally {
      // The form's data was read at the submit: a later submit with a code sends no stale answer.
      if (field.current) field.current.value = "";
      setAsking(false);
    }
  }

  if (!supported) return null;
  return (
    <>
      <input ref={field} type="hidden" name="passkey" />
      {/* aria-disabled while the browser asks: a disabled button would drop the focus to the page when the answer is a refusal. */}
      <Button type="button" variant="secondary" onClick={confirm} disabled={disabled} aria-disabled={asking}>
        <Fingerprint aria-hidden />
        {t("use")}
      </Button>
    </>
  );
}
