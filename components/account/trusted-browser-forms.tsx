"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Monitor } from "lucide-react";
import { adminForgetTrustedBrowsers, forgetTrustedBrowser, type ForgetState } from "@/lib/actions/trusted-browsers";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { useProblem } from "@/components/two-factor/problem";

/** A trusted browser as the list shows it: words and times already in the reader's language and zone. */
export type TrustedRow = { id: string; label: string; since: string; lastUsed: string; until: string; address: string };

/** The list with "Forget" on each and "Forget all"; for an admin (`userId` set) only "Forget all". */
export function TrustedBrowserTable({ rows, userId, titleId }: { rows: TrustedRow[]; userId?: string; titleId: string }) {
  const t = useTranslations();
  const explain = useProblem();
  const [state, action, pending] = useActionState<ForgetState, FormData>(userId ? adminForgetTrustedBrowsers : forgetTrustedBrowser, {});
  // Each answer takes the focus: the button that asked is gone with its row.
  const [answer, setAnswer] = useState({ state, n: 0 });
  if (answer.state !== state) setAnswer({ state, n: answer.n + 1 });
  return (
    <>
      {answer.n > 0 && (
        <FocusOnMount key={answer.n}>
          {state.forgotten !== undefined && <Alert tone="success">{t("trustedBrowsers.forgotten", { count: state.forgotten })}</Alert>}
          {state.error && <Alert tone="error">{explain(state.error)}</Alert>}
        </FocusOnMount>
      )}
      {rows.length ? (
        <ul className="divide-y divide-line" aria-labelledby={titleId}>
          {rows.map((row) => (
            <li key={row.id} aria-label={row.label} className="flex flex-wrap items-start gap-3 py-3">
              <Monitor aria-hidden className="size-5 mt-0.5 shrink-0 text-muted" />
              <div className="min-w-0 flex-1 basis-56 space-y-0.5 [overflow-wrap:anywhere]">
                <p className="font-semibold">{row.label}</p>
                <p className="text-sm text-muted">{t("trustedBrowsers.since", { time: row.since })}</p>
                <p className="text-sm text-muted">{t("trustedBrowsers.lastUsed", { time: row.lastUsed })}</p>
                <p className="text-sm text-muted">{t("trustedBrowsers.until", { time: row.until })}</p>
                <p className="text-sm text-muted">{t("trustedBrowsers.address", { address: row.address })}</p>
              </div>
              {!userId && (
                <form action={action}>
                  <input type="hidden" name="browserId" value={row.id} />
                  <Button variant="secondary" size="sm" disabled={pending} aria-label={t("ui.actionOn", { action: t("trustedBrowsers.forget"), name: row.label })}>{t("trustedBrowsers.forget")}</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("trustedBrowsers.none")}</p>
      )}
      {rows.length > 0 && (
        <form action={action}>
          {userId && <input type="hidden" name="userId" value={userId} />}
          <Button variant="danger" disabled={pending}>{t("trustedBrowsers.forgetAll")}</Button>
        </form>
      )}
    </>
  );
}
