"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Recovery codes shown once: copy, download as a text file, print. */
export function RecoveryCodes({ codes, email, app }: { codes: string[]; email: string; app: string }) {
  const t = useTranslations("setup");
  const [copied, setCopied] = useState(false);
  const fileText = `${t("fileHeader", { app, email })}\n\n${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([fileText], { type: "text/plain" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `${app.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-recovery-codes.txt` });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="recovery-codes">
      <h2>{t("codesTitle")}</h2>
      <p>{t("codesIntro", { email })}</p>
      <ol aria-label={t("codesTitle")} className="codes">
        {codes.map((c) => (
          <li key={c}><code>{c}</code></li>
        ))}
      </ol>
      <div className="actions">
        <Button type="button" variant="secondary" onClick={() => navigator.clipboard.writeText(codes.join("\n")).then(() => setCopied(true))}>
          {copied ? t("copied") : t("copyCodes")}
        </Button>
        <Button type="button" variant="secondary" onClick={download}>{t("download")}</Button>
        <Button type="button" variant="secondary" onClick={() => window.print()}>{t("print")}</Button>
      </div>
    </div>
  );
}
