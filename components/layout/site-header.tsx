import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogOut, Menu as MenuIcon } from "lucide-react";
import { currentUser } from "@/lib/auth/guard";
import { signOutAction } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { Button } from "@/components/ui/button";
import { Menu, menuItemClasses } from "@/components/ui/menu";
import { LanguageSwitcher } from "./language-switcher";
import { Logo } from "./logo";

/** Logo and name; the account's links, language and sign-out; on a phone the links fold into a menu. */
export async function SiteHeader() {
  const [t, user] = [await getTranslations("nav"), await currentUser()];
  const links = user ? [{ href: "/", label: t("home") }, { href: "/settings/security", label: t("security") }, ...(user.role === "admin" ? [{ href: "/admin", label: t("admin") }] : [])] : [];
  return (
    <header className="border-b border-line bg-surface print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-surface focus:p-2">{t("skip")}</a>
      <div className="mx-auto flex max-w-7xl items-center gap-2 sm:gap-4 px-3 sm:px-6 py-2">
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
              <Menu className="md:hidden" trigger={<><MenuIcon aria-hidden />{t("menu")}</>}>
                <nav aria-label={t("main")}>
                  <ul role="list">
                    {links.map((l) => (
                      <li key={l.href}><Link href={l.href} className={menuItemClasses()}>{l.label}</Link></li>
                    ))}
                    <li className="mt-1 border-t border-line pt-1">
                      <form action={signOutAction}>
                        <button type="submit" className={menuItemClasses()}><LogOut aria-hidden className="size-4" />{t("signOut")}</button>
                      </form>
                    </li>
                  </ul>
                </nav>
              </Menu>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
