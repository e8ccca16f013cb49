"use client";

import { useTranslations } from "next-intl";
import { useServiceDown } from "@/components/layout/error-notice";

// Never shows the error itself: production errors carry only a digest, which the server log has.
// Claims nothing it cannot know: a change may have committed before the error, or not.
// Plain markup on purpose: this boundary ships with every page, so it stays small.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  const down = useServiceDown(error);
  return (
    <div className="mx-auto w-full max-w-md space-y-6">
      <h1 className="text-2xl sm:text-3xl">{t("titles.error")}</h1>
      <p role="alert" className="rounded-md border border-l-4 border-danger bg-danger-soft px-4 py-3">{down ? t("errors.unavailable") : t("errors.generic")}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-md border border-line bg-surface px-4 py-2 font-medium cursor-pointer hover:bg-surface-muted">{t("errors.retry")}</button>
    </div>
  );
}
