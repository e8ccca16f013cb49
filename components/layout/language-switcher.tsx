import { getLocale, getTranslations } from "next-intl/server";
import { Check, Globe } from "lucide-react";
import { changeLanguage } from "@/lib/actions/language";
import { locales } from "@/lib/i18n/locales";
import { Menu, menuItemClasses } from "@/components/ui/menu";

/** The language menu: a form (a button) per language, each named in its own language; applies at once, with or without JavaScript. */
export async function LanguageSwitcher() {
  const [t, current] = [await getTranslations("language"), await getLocale()];
  const names = Object.fromEntries(locales.map((l) => [l, t(`names.${l}`)]));
  return (
    <Menu
      label={t("menuLabel")}
      trigger={
        <>
          <Globe aria-hidden />
          <span className="max-sm:sr-only" lang={current}>{names[current]}</span>
        </>
      }
    >
      <ul role="list">
        {locales.map((l) => (
          <li key={l}>
            <form action={changeLanguage}>
              <button type="submit" name="locale" value={l} lang={l} aria-current={l === current ? "true" : undefined} className={menuItemClasses(l === current)}>
                <Check aria-hidden className={l === current ? "size-4" : "size-4 invisible"} />
                {names[l]}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </Menu>
  );
}
