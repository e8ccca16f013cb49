import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogOut } from "lucide-react";
import { currentUser } from "@/lib/auth/guard";
import { signOutAction } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { Button } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";
import { Logo } from "./logo";
import { PhoneMenu } from "./phone-menu";

/** Logo and name; the account's links, language and sign-out; on a phone the links fold into a menu. */
export async function SiteHeader() {
  const [t, user] = [await getTranslations("nav"), await currentUser()];
  const links = user ? [{ href: "/", label: t("home") }, { href: "/settings/security", label: t("security") }, ...(user.role === "admin" ? [{ href: "/admin", label: t("admin") }] : [])] : [];
  return (
    <header className="border-b border-line bg-surface print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-surface focus:p-2">{t("skip")}</a>
      <div className="mx-auto flex max-w-6xl items-center gap-2 sm:gap-4 px-3 sm:px-6 py-2">
        <Logo name={config().APP_NAME} />
        {user && (
          <nav aria-label={t("main")} className="hidden md:block">
            <ul className="flex gap-1" role="list">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="inline-flex min-h-11 items-center rounded-md px-3 text-fg no-underline hover:bg-surface-muted">{l.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <LanguageSwitcher />
          {user && (
            <>
              <form action={signOutAction} className="hidden md:block">
                <Button variant="secondary"><LogOut aria-hidden />{t("signOut")}</Button>
              </form>
              <PhoneMenu links={links} label={t("menu")} signOut={t("signOut")} />
            </>
          )}
        </div>
      </div>
      {user && (
        <noscript>
          <nav aria-label={t("main")} className="md:hidden px-3 pb-2">
            <ul className="flex flex-wrap gap-3">
              {links.map((l) => <li key={l.href}><Link href={l.href}>{l.label}</Link></li>)}
              <li><form action={signOutAction}><button type="submit" className="underline text-accent">{t("signOut")}</button></form></li>
            </ul>
          </nav>
        </noscript>
      )}
    </header>
  );
}
