"use client";

import { useEffect, useState } from "react";
import { useServiceDown } from "@/components/layout/error-notice";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";

// This file is in every page's first load: a catalogue is fetched only when an error shows
// (the server that answered the page serves its chunks even when its database is down).
type Texts = Pick<(typeof import("@/messages/en.json"))["errors"], "generic" | "unavailable" | "retry"> & { title: string };
const CATALOGUES = { en: () => import("@/messages/en.json"), fr: () => import("@/messages/fr.json"), nl: () => import("@/messages/nl.json") };

// Only when the catalogue itself cannot be fetched (the network failing, or an older build's
// chunks gone): a few words kept here, rather than reloading the page in a loop.
const UNREACHABLE = {
  en: { title: "Something went wrong", generic: "The service cannot be reached right now. Reload the page in a minute.", retry: "Try again" },
  fr: { title: "Une erreur s’est produite", generic: "Le service est injoignable pour le moment. Rechargez la page dans une minute.", retry: "Réessayer" },
  nl: { title: "Er ging iets mis", generic: "De dienst is nu niet bereikbaar. Laad de pagina over een minuut opnieuw.", retry: "Opnieuw proberen" },
};

// The browser's language: the root layout (and its translations) is what failed.
function locale() {
  if (typeof document === "undefined") return "en";
  const chosen = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.split("=")[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(navigator.languages.join(","));
}

/**
 * When even the root layout fails (the database down, for instance): the same honest message,
 * without the layout. "Try again" loads the page anew: the root layout failed on the server, so
 * re-rendering what the browser already has (the boundary's reset) would only fail again.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const lang = locale();
  const [t, setT] = useState<Texts | null>(null);
  useEffect(() => {
    let live = true;
    CATALOGUES[lang]().then(
      (m) => live && setT({ ...m.default.errors, title: m.default.titles.error }),
      () => live && setT({ ...UNREACHABLE[lang], unavailable: UNREACHABLE[lang].generic }),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  const down = useServiceDown(error);
  return (
    <html lang={lang}>
      <body>
        {/* The page's own title and heading, as on every other page (React puts the title in the head). */}
        {t && <title>{t.title}</title>}
        <main id="main">
          {t && <h1>{t.title}</h1>}
          <p role="alert">{t && (down ? t.unavailable : t.generic)}</p>
          {t && (
            <button type="button" onClick={() => window.location.reload()}>
              {t.retry}
            </button>
          )}
        </main>
      </body>
    </html>
  );
}
