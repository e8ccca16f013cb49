"use client";

import { useTranslations } from "next-intl";

// Never shows the error itself: production errors carry only a digest, which the server log has.
// Plain markup on purpose: this boundary ships with every page, so it stays small.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <div className="mx-auto w-full max-w-md space-y-6">
      <h1 className="text-2xl sm:text-3xl">{t("titles.error")}</h1>
      <p role="alert" className="rounded-md border border-l-4 border-danger bg-danger-soft px-4 py-3">{t("errors.generic")}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-md border border-line bg-surface px-4 py-2 font-medium cursor-pointer hover:bg-surface-muted">{t("errors.retry")}</button>
    </div>
  );
}
