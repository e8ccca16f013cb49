"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

// Never shows the error itself: production errors carry only a digest, which the server log has.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section className="card narrow">
      <Notice tone="error">{t("generic")}</Notice>
      <Button variant="secondary" type="button" onClick={reset}>{t("retry")}</Button>
    </section>
  );
}
