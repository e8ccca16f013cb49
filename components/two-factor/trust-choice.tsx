"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/field";

/** The "trust this browser" checkbox of a second-step form (posted as `trust=1`); `id` is unique on the page. */
export function TrustChoice({ days, id }: { days: number; id: string }) {
  const t = useTranslations("trustedBrowsers");
  return (
    <div className="space-y-1">
      <Checkbox id={id} name="trust" value="1" aria-describedby={`${id}-hint`} label={t("trust", { days })} />
      <p id={`${id}-hint`} className="text-sm text-muted pl-7">{t("trustHint")}</p>
    </div>
  );
}
