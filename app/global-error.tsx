"use client";

import { useEffect, useState } from "react";
import { useServiceDown } from "@/components/layout/error-notice";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";

// This file is in every page's first load: a catalogue is fetched only when an error shows
// (the server that answered the page serves its chunks even when its database is down).
type Texts = (typeof import("@/messages/en.json"))["errors"];
const CATALOGUES = { en: () => import("@/messages/en.json"), fr: () => import("@/messages/fr.json"), nl: () => import("@/messages/nl.json") };

// The browser's language: the root layout (and its translations) is what failed.
function locale() {
  if (typeof document === "undefined") return "en";
  const chosen = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.split("=")[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(navigator.languages.join(","));
}

/** When even the root layout fails (the database down, for instance): the same honest message, without the layout. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = locale();
  const [t, setT] = useState<Texts | null>(null);
  useEffect(() => {
    let live = true;
    // A catalogue that cannot be fetched (the server gone, or a new build's chunks): load the page
    // anew, which the server answers or the browser says it cannot reach.
    CATALOGUES[lang]().then((m) => live && setT(m.default.errors), () => window.location.reload());
    return () => {
      live = false;
    };
  }, [lang]);
  const down = useServiceDown(error);
  return (
    <html lang={lang}>
      <body>
        <main id="main">
          <p role="alert">{t && (down ? t.unavailable : t.generic)}</p>
          {t && (
            <button type="button" onClick={reset}>
              {t.retry}
            </button>
          )}
        </main>
      </body>
    </html>
  );
}
