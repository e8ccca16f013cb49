"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { ClipboardList, LayoutDashboard, LifeBuoy, Mail, Menu as MenuIcon, Settings, Users } from "lucide-react";
import { Menu } from "@/components/ui/menu";
import { cn } from "@/components/ui/cn";

const SECTIONS = [
  { href: "/admin", label: "overview", icon: LayoutDashboard },
  { href: "/admin/users", label: "users", icon: Users },
  { href: "/admin/requests", label: "requests", icon: LifeBuoy },
  { href: "/admin/audit", label: "audit", icon: ClipboardList },
  { href: "/admin/settings", label: "settings", icon: Settings },
  { href: "/admin/outbox", label: "outbox", icon: Mail },
] as const;

export function AdminNav() {
  const t = useTranslations("console.nav");
  const pathname = usePathname();
  const current = (href: string) => (href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  const here = SECTIONS.find((s) => current(s.href));
  return (
    <>
      <nav aria-label={t("label")} className="hidden md:block">
        <ul className="sticky top-4 space-y-1" role="list">
          {SECTIONS.map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current(s.href) ? "page" : undefined}
                className={cn("flex min-h-11 items-center gap-2 rounded-md px-3 text-fg no-underline hover:bg-surface-muted", current(s.href) && "bg-accent-soft font-semibold")}
              >
                <s.icon aria-hidden className="size-4 shrink-0" />
                {t(s.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="md:hidden">
        <Menu
          variant="secondary"
          align="start"
          trigger={<><MenuIcon aria-hidden /><span className="sr-only">{t("label")}: </span>{here ? t(here.label) : t("label")}</>}
          entries={SECTIONS.map((s) => ({ kind: "link", href: s.href, label: t(s.label), current: current(s.href) }))}
        />
        <noscript>
          <ul className="flex flex-wrap gap-3">
            {SECTIONS.map((s) => <li key={s.href}><Link href={s.href}>{t(s.label)}</Link></li>)}
          </ul>
        </noscript>
      </div>
    </>
  );
}
