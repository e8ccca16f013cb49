import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { LostAccessForm } from "@/components/auth/lost-access-form";

// Reachable from the second sign-in step only: the request is for the account whose password was just given.
export default async function LostAccessPage() {
  if (!(await pendingSignIn())) redirect("/login");
  const t = await getTranslations("lostAccess");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <h2>{t("recoveryTitle")}</h2>
      <p>{t("recovery")}</p>
      <p><Link href="/login/verify?method=recovery">{t("useRecovery")}</Link></p>
      <h2>{t("requestTitle")}</h2>
      <p>{t("request")}</p>
      <LostAccessForm />
      <p><Link href="/login/verify">{t("back")}</Link></p>
    </section>
  );
}
