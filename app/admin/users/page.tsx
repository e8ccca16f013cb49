import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoment } from "@/lib/dates";
import { requestTimeZone } from "@/lib/i18n/request";
import { Download } from "lucide-react";
import { readUserQuery, searchUsers, usersHref, type ListedUser, type UserSort } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/guard";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { UserFilters } from "@/components/admin/filters";

type Params = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Params }) {
  await requireAdmin();
  const query = readUserQuery(await searchParams);
  const [t, tc, result] = [await getTranslations("console.users"), await getTranslations("console.common"), await searchUsers(query)];
  // Moments in the reader's zone, named (UTC until the browser has said its zone).
  const [locale, zone] = [await getLocale(), await requestTimeZone()];
  const when = (date: Date) => formatMoment(date, locale, zone);
  const columns: Column<ListedUser>[] = [
    { key: "email", header: t("email"), rowHeader: true, sortable: true, cell: (u) => <Link href={`/admin/users/${u.id}`}>{u.email}</Link> },
    { key: "name", header: t("name"), sortable: true, cell: (u) => u.name },
    { key: "role", header: t("role"), cell: (u) => tc(`roles.${u.role === "admin" ? "admin" : "user"}`) },
    { key: "twoFactor", header: t("twoFactor"), cell: (u) => (u.twoFactorEnabledAt ? <Badge tone="success">{t("on", { date: when(u.twoFactorEnabledAt) })}</Badge> : <Badge>{t("off")}</Badge>) },
    { key: "lock", header: t("lock"), cell: (u) => (u.secondFactorLockedAt ? <Badge tone="danger">{t("lockedSince", { date: when(u.secondFactorLockedAt) })}</Badge> : t("notLocked")) },
    { key: "lastSignIn", header: t("lastSignIn"), sortable: true, cell: (u) => (u.lastSignInAt ? when(u.lastSignInAt) : tc("never")) },
  ];
  return (
    <Page
      width="full"
      title={t("title")}
      actions={
        <a href={usersHref({ ...query, page: 1 }, 1, "/admin/users/export")} download className={buttonClasses("secondary")}>
          <Download aria-hidden />{t("export")}
        </a>
      }
    >
      <Card>
        <UserFilters query={query} />
      </Card>
      <p role="status">{t("total", { count: result.total })}</p>
      <DataTable
        columns={columns}
        rows={result.users}
        rowKey={(u) => u.id}
        caption={t("caption", { page: result.page, pages: result.pages })}
        sort={{ by: query.sort, dir: query.dir, href: (by, dir) => usersHref({ ...query, sort: by as UserSort, dir }, 1) }}
        pagination={{ page: result.page, pages: result.pages, href: (page) => usersHref(query, page) }}
        empty={t("total", { count: 0 })}
      />
    </Page>
  );
}
