"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Page } from "@/components/ui/card";

// Never shows the error itself: production errors carry only a digest, which the server log has.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <Page width="narrow" title={t("titles.error")}>
      <Alert tone="error">{t("errors.generic")}</Alert>
      <Button variant="secondary" type="button" onClick={reset}>{t("errors.retry")}</Button>
    </Page>
  );
}
