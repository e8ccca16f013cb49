import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/guard";

export default async function AccountPage() {
  const user = await requireUser();
  const [t, tl, ts, format] = [await getTranslations("account"), await getTranslations("language"), await getTranslations("security"), await getFormatter()];
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long", timeStyle: "short" }) : t("never"));
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p>{t("signedInAs", { name: user.name, email: user.email })}</p>
      <h2>{t("details")}</h2>
      <dl className="details">
        <dt>{t("name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{t(`roles.${user.role === "admin" ? "admin" : "user"}`)}</dd>
        <dt>{t("language")}</dt>
        <dd>{tl(`names.${user.locale as "en" | "fr" | "nl"}`)}</dd>
        <dt>{t("memberSince")}</dt>
        <dd>{when(user.createdAt)}</dd>
        <dt>{t("lastSignIn")}</dt>
        <dd>{when(user.lastSignInAt)}</dd>
        <dt>{ts("status")}</dt>
        <dd>
          {user.twoFactorEnabledAt ? ts("on", { date: format.dateTime(user.twoFactorEnabledAt, { dateStyle: "long" }) }) : ts("off")}{" "}
          <Link href="/settings/security">{t("manageSecurity")}</Link>
        </dd>
      </dl>
    </section>
  );
}
