import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users";

export default async function AdminPage() {
  await requireAdmin();
  const [t, format, users] = [await getTranslations("admin"), await getFormatter(), await listUsers()];
  return (
    <section className="card wide">
      <h1>{t("title")}</h1>
      <p><Link href="/admin/outbox">{t("outbox")}</Link></p>
      <h2>{t("users")}</h2>
      <p>{t("userCount", { count: users.length })}</p>
      <table>
        <thead>
          <tr><th scope="col">{t("email")}</th><th scope="col">{t("name")}</th><th scope="col">{t("role")}</th><th scope="col">{t("lastSignIn")}</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>{u.role}</td>
              <td>{u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
