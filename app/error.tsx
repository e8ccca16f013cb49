"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useServiceDown } from "@/components/layout/error-notice";

// Never shows the error itself: production errors carry only a digest, which the server log has.
// Claims nothing it cannot know: a change may have committed before the error, or not.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const down = useServiceDown(error);
  return (
    <section className="card narrow">
      <Notice tone="error">{down ? t("unavailable") : t("generic")}</Notice>
      <Button variant="secondary" type="button" onClick={reset}>{t("retry")}</Button>
    </section>
  );
}
