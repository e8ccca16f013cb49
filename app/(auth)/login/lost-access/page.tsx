import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { Card, Page } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { LostAccessForm } from "@/components/auth/lost-access-form";

// An account enrolled with a passkey only lost its passkey, not an app.
const withApp = async () => !!(await pendingSignIn())?.user.totpSecret;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))((await withApp()) ? "lostAccess" : "lostPasskey") };
}

// Reachable from the second sign-in step only: the request is for the account whose password was just given.
export default async function LostAccessPage() {
  const pending = await pendingSignIn();
  if (!pending) redirect("/login");
  const app = !!pending.user.totpSecret;
  const t = await getTranslations("lostAccess");
  return (
    <Page title={t(app ? "title" : "titlePasskey")}>
      <Card as="section" labelledBy="recovery-title">
        <h2 id="recovery-title" className="text-xl">{t("recoveryTitle")}</h2>
        <p>{t(app ? "recovery" : "recoveryPasskey")}</p>
        <ButtonLink href="/login/verify?method=recovery" variant="secondary">{t("useRecovery")}</ButtonLink>
      </Card>
      <Card as="section" labelledBy="request-title">
        <h2 id="request-title" className="text-xl">{t("requestTitle")}</h2>
        <p>{t(app ? "request" : "requestPasskey")}</p>
        <LostAccessForm />
      </Card>
      <p><Link href="/login/verify">{t("back")}</Link></p>
    </Page>
  );
}
