"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import styles from "./admin.module.css";

const SECTIONS = [
  { href: "/admin", label: "overview" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/requests", label: "requests" },
  { href: "/admin/audit", label: "audit" },
  { href: "/admin/settings", label: "settings" },
  { href: "/admin/outbox", label: "outbox" },
] as const;

export function AdminNav() {
  const t = useTranslations("console.nav");
  const pathname = usePathname();
  const current = (href: string) => (href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={t("label")} className={styles.nav}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={current(s.href) ? "page" : undefined}>{t(s.label)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
