"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Copy, Download, Printer } from "lucide-react";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { Checkbox, FieldError } from "@/components/ui/field";

type Props = { codes: string[]; email: string; app: string; continueLabel: string } & ({ continueHref: string; onContinue?: never } | { onContinue: () => void; continueHref?: never });

/**
 * Recovery codes shown once: copy, download as a text file, print. "Continue" waits until the
 * person says the codes are saved (ticked for them by copy, download or print), as GitHub and
 * GitLab ask.
 */
export function RecoveryCodes({ codes, email, app, continueLabel, continueHref, onContinue }: Props) {
  const t = useTranslations("setup");
  const [copied, setCopied] = useState(false);
  const [saved, setSaved] = useState(false);
  const [refused, setRefused] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const fileText = `${t("fileHeader", { app, email })}\n\n${codes.join("\n")}\n`;
  const done = () => {
    setSaved(true);
    setRefused(false);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([fileText], { type: "text/plain" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `${app.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-recovery-codes.txt` });
    a.click();
    URL.revokeObjectURL(url);
    done();
  };
  const refuse = (event: { preventDefault: () => void }) => {
    if (saved) return;
    event.preventDefault();
    setRefused(true);
    box.current?.focus();
  };
  return (
    <section className="space-y-4" aria-labelledby="codes-title">
      <h2 id="codes-title" className="text-xl">{t("codesTitle")}</h2>
      <p>{t("codesIntro", { email })}</p>
      <ol aria-label={t("codesTitle")} className="grid grid-cols-1 gap-2 sm:grid-cols-2" role="list">
        {codes.map((c) => (
          <li key={c} className="rounded-md border border-line bg-surface-muted px-3 py-2 text-center font-mono text-lg tracking-wider whitespace-nowrap"><code>{c}</code></li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2 print:hidden">
        <Button type="button" variant="secondary" onClick={() => navigator.clipboard.writeText(codes.join("\n")).then(() => (setCopied(true), done()))}>
          <Copy aria-hidden />{copied ? t("copied") : t("copyCodes")}
        </Button>
        <Button type="button" variant="secondary" onClick={download}><Download aria-hidden />{t("download")}</Button>
        <Button type="button" variant="secondary" onClick={() => (window.print(), done())}><Printer aria-hidden />{t("print")}</Button>
      </div>
      <div className="space-y-1 print:hidden">
        <Checkbox
          ref={box}
          id="codes-saved"
          label={t("savedConfirm")}
          checked={saved}
          onChange={(e) => (setSaved(e.currentTarget.checked), setRefused(false))}
          aria-invalid={refused || undefined}
          aria-describedby={refused ? "codes-saved-error" : undefined}
        />
        {refused && <FieldError id="codes-saved-error">{t("savedRequired")}</FieldError>}
      </div>
      <div className="print:hidden">
        {continueHref ? (
          <ButtonAnchor href={continueHref} onClick={refuse}>{continueLabel}</ButtonAnchor>
        ) : (
          <Button type="button" onClick={(e) => (saved ? onContinue!() : refuse(e))}>{continueLabel}</Button>
        )}
      </div>
    </section>
  );
}
