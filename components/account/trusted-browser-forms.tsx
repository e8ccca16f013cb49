"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { adminForgetTrustedBrowsers, forgetTrustedBrowser, saveTrustDays, type ForgetState, type TrustDaysState } from "@/lib/actions/trusted-browsers";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** A trusted browser as the list shows it: words and times already in the reader's language and zone. */
export type TrustedRow = { id: string; label: string; since: string; lastUsed: string; until: string; address: string };

/** The list with "Forget" on each and "Forget all"; for an admin (`userId` set) only "Forget all". */
export function TrustedBrowserTable({ rows, userId }: { rows: TrustedRow[]; userId?: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ForgetState, FormData>(userId ? adminForgetTrustedBrowsers : forgetTrustedBrowser, {});
  return (
    <>
      {state.forgotten !== undefined && <Notice tone="success">{t("trustedBrowsers.forgotten", { count: state.forgotten })}</Notice>}
      {state.error && <Notice tone="error">{t(state.error)}</Notice>}
      {rows.length ? (
        <ul className="stack" aria-label={t("trustedBrowsers.listLabel")}>
          {rows.map((row) => (
            <li key={row.id} aria-label={row.label}>
              <strong>{row.label}</strong>
              <br />
              {t("trustedBrowsers.since", { time: row.since })} · {t("trustedBrowsers.lastUsed", { time: row.lastUsed })} · {t("trustedBrowsers.until", { time: row.until })}
              <br />
              {t("trustedBrowsers.address", { address: row.address })}
              {!userId && (
                <form action={action}>
                  <input type="hidden" name="browserId" value={row.id} />
                  <Button variant="secondary" disabled={pending} aria-label={`${t("trustedBrowsers.forget")}: ${row.label}`}>{t("trustedBrowsers.forget")}</Button>
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

/** The rollout setting "Trusted browsers", with why it is off by default. */
export function TrustDaysForm({ days }: { days: number }) {
  const t = useTranslations("trustedBrowsers");
  const tt = useTranslations();
  const [state, action, pending] = useActionState<TrustDaysState, FormData>(saveTrustDays, {});
  return (
    <form action={action} noValidate className="stack">
      {state.saved && <Notice tone="success">{t("settingSaved")}</Notice>}
      <Field id="trustDays" name="trustDays" type="number" inputMode="numeric" min={0} max={90} step={1} label={t("settingLabel")} hint={t("settingHint")} defaultValue={state.value ?? String(days)} error={state.error ? tt(state.error) : undefined} />
      <Button disabled={pending}>{t("settingSave")}</Button>
    </form>
  );
}
