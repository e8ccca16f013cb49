export const locales = ["en", "fr", "nl"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** How the chosen language is kept in the browser: a year, sent on every page. */
export const LOCALE_COOKIE_OPTIONS = { path: "/", maxAge: 365 * 86400, sameSite: "lax" } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The name of the language `code` (a BCP 47 tag, e.g. an account's mail language) in the reader's
 * language `inLocale`, for a sentence or a label ("Répondre en anglais", "Taal: Engels"), by
 * Intl.DisplayNames (CLDR). The language menu names each language in itself instead. Returns the
 * code itself when it is no language tag. Throws nothing.
 */
export function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The first supported language of an Accept-Language header, by its q weights. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((l) => l.base).find(isLocale) ?? defaultLocale;
}
