"use server";

import { cookies } from "next/headers";
import { currentUser } from "../auth/guard";
import { db } from "../db";
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, isLocale } from "../i18n/locales";
import { text } from "../form";

export async function changeLanguage(form: FormData) {
  const locale = text(form, "locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
  const user = await currentUser();
  if (user && user.locale !== locale) await db.user.update({ where: { id: user.id }, data: { locale } });
}
