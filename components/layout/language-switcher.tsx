import { getLocale, getTranslations } from "next-intl/server";
import { changeLanguage } from "@/lib/actions/language";
import { locales } from "@/lib/i18n/locales";
import { LanguageMenu } from "./language-menu";

/** The language menu; without JavaScript, a form (a button) per language does the same. */
export async function LanguageSwitcher() {
  const [t, current] = [await getTranslations("language"), await getLocale()];
  const names = Object.fromEntries(locales.map((l) => [l, t(`names.${l}`)]));
  return (
    <>
      <LanguageMenu current={current} names={names} label={t("menu", { language: names[current]! })} />
      <noscript>
        <ul className="flex gap-2" aria-label={t("label")}>
          {locales.map((l) => (
            <li key={l}>
              <form action={changeLanguage}>
                <input type="hidden" name="locale" value={l} />
                <button type="submit" lang={l} aria-current={l === current ? "true" : undefined} className="underline text-accent cursor-pointer">{names[l]}</button>
              </form>
            </li>
          ))}
        </ul>
      </noscript>
    </>
  );
}
