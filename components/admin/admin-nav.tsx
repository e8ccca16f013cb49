"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { ClipboardList, LayoutDashboard, LifeBuoy, Mail, Settings, TriangleAlert, Users } from "lucide-react";
import { Menu, menuItemClasses } from "@/components/ui/menu";
import { cn } from "@/components/ui/cn";

const SECTIONS = [
  { href: "/admin", label: "overview", icon: LayoutDashboard },
  { href: "/admin/users", label: "users", icon: Users },
  { href: "/admin/at-risk", label: "atRisk", icon: TriangleAlert },
  { href: "/admin/requests", label: "requests", icon: LifeBuoy },
  { href: "/admin/audit", label: "audit", icon: ClipboardList },
  { href: "/admin/settings", label: "settings", icon: Settings },
  { href: "/admin/outbox", label: "outbox", icon: Mail },
] as const;

/** The console's sections: a side navigation on a wide screen, a menu naming the current section on a phone. */
export function AdminNav() {
  const t = useTranslations("console.nav");
  const pathname = usePathname();
  const current = (href: string) => (href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  const here = SECTIONS.find((s) => current(s.href));
  const links = (item: (current: boolean) => string) =>
    SECTIONS.map((s) => (
      <li key={s.href}>
        <Link href={s.href} aria-current={current(s.href) ? "page" : undefined} className={item(current(s.href))}>
          <s.icon aria-hidden className="size-4 shrink-0" />
          {t(s.label)}
        </Link>
      </li>
    ));
  return (
    <>
      <nav aria-label={t("label")} className="hidden md:block">
        <ul className="sticky top-4 space-y-1" role="list">
          {links((here) => cn("flex min-h-11 items-center gap-2 rounded-md px-3 text-fg no-underline hover:bg-surface-muted", here && "bg-accent-soft font-semibold"))}
        </ul>
      </nav>
      <Menu className="md:hidden" variant="secondary" align="start" label={`${t("label")}:`} trigger={here ? t(here.label) : null}>
        <nav aria-label={t("label")}>
          <ul role="list">{links(menuItemClasses)}</ul>
        </nav>
      </Menu>
    </>
  );
}
