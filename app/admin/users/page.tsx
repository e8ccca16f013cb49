import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { readUserQuery, searchUsers, usersHref } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/guard";
import styles from "@/components/admin/admin.module.css";
import { UserFilters } from "@/components/admin/filters";
import { Pager } from "@/components/admin/pager";

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: Params }) {
  await requireAdmin();
  const query = readUserQuery(await searchParams);
  const [t, tc, format, result] = [await getTranslations("console.users"), await getTranslations("console.common"), await getFormatter(), await searchUsers(query)];
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section className="card wide">
      <h1>{t("title")}</h1>
      <UserFilters query={query} />
      <p>{t("total", { count: result.total })}</p>
      <p><a href={usersHref({ ...query, page: 1 }, 1, "/admin/users/export")} download>{t("export")}</a></p>
      {result.users.length > 0 && (
        <div className={styles.scroll} role="region" aria-label={tc("scroll", { name: t("title") })} tabIndex={0}>
          <table>
            <caption className={styles.visuallyHidden}>{t("caption", { page: result.page, pages: result.pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("twoFactor")}</th>
                <th scope="col">{t("lock")}</th>
                <th scope="col">{t("lastSignIn")}</th>
              </tr>
            </thead>
            <tbody>
              {result.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row"><Link href={`/admin/users/${u.id}`}>{u.email}</Link></th>
                  <td>{u.name}</td>
                  <td>{tc(`roles.${u.role === "admin" ? "admin" : "user"}`)}</td>
                  <td>{u.twoFactorEnabledAt ? t("on", { date: when(u.twoFactorEnabledAt) }) : t("off")}</td>
                  <td>{u.secondFactorLockedAt ? t("lockedSince", { date: when(u.secondFactorLockedAt) }) : t("notLocked")}</td>
                  <td>{u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) : tc("never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={result.page} pages={result.pages} href={(page) => usersHref(query, page)} />
    </section>
  );
}
