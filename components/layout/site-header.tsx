import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/guard";
import { signOutAction } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { Button } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const [t, user] = [await getTranslations("nav"), await currentUser()];
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">{t("skip")}</a>
      <Link href="/" className="brand">{config().APP_NAME}</Link>
      {user && (
        <nav aria-label={t("main")}>
          <Link href="/">{t("home")}</Link>
          <Link href="/settings/security">{t("security")}</Link>
          {user.role === "admin" && <Link href="/admin">{t("admin")}</Link>}
        </nav>
      )}
      <div className="header-tools">
        <LanguageSwitcher />
        {user && (
          <form action={signOutAction}>
            <Button variant="secondary">{t("signOut")}</Button>
          </form>
        )}
      </div>
    </header>
  );
}
