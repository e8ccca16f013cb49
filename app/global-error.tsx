"use client";

import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { useServiceDown } from "@/components/layout/error-notice";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";

const TEXTS = { en: en.errors, fr: fr.errors, nl: nl.errors };

// The browser's language: the root layout (and its translations) is what failed.
function locale() {
  if (typeof document === "undefined") return "en";
  const chosen = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.split("=")[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(navigator.languages.join(","));
}

/** When even the root layout fails (the database down, for instance): the same honest message, without the layout. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = locale();
  const t = TEXTS[lang];
  const down = useServiceDown(error);
  return (
    <html lang={lang}>
      <body>
        <main id="main">
          <p role="alert">{down ? t.unavailable : t.generic}</p>
          <button type="button" onClick={reset}>{t.retry}</button>
        </main>
      </body>
    </html>
  );
}
