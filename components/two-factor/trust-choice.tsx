"use client";

import { useTranslations } from "next-intl";

/** The "trust this browser" checkbox of a second-step form (posted as `trust=1`). */
export function TrustChoice({ days }: { days: number }) {
  const t = useTranslations("trustedBrowsers");
  return (
    <div className="field">
      <label>
        <input type="checkbox" name="trust" value="1" /> {t("trust", { days })}
      </label>
      <p className="hint">{t("trustHint")}</p>
    </div>
  );
}
