import { getLocale, getTranslations } from "next-intl/server";
import { changeLanguage } from "@/lib/actions/language";
import { locales } from "@/lib/i18n/locales";
import { Button } from "@/components/ui/button";

export async function LanguageSwitcher() {
  const [t, current] = [await getTranslations("language"), await getLocale()];
  return (
    <form action={changeLanguage} className="language-switcher">
      <label htmlFor="locale">{t("label")}</label>
      <select key={current} id="locale" name="locale" defaultValue={current}>
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`names.${l}`)}
          </option>
        ))}
      </select>
      <Button variant="secondary">{t("submit")}</Button>
    </form>
  );
}
