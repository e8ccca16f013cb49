import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { startOver } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { Button } from "@/components/ui/button";
import { VerifyForm } from "@/components/two-factor/verify-form";
import { PasskeySignIn } from "@/components/two-factor/passkey-sign-in";
import { trustedBrowserDays } from "@/lib/auth/trusted-browser";
import { hasPasskeys } from "@/lib/two-factor/passkeys";

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ method?: string }> }) {
  const pending = await pendingSignIn();
  if (!pending) redirect("/login");
  const [withPasskey, trustDays] = [await hasPasskeys(pending.user.id), await trustedBrowserDays()];
  const method = (await searchParams).method === "recovery" ? "recovery" : "totp";
  const [t, tp] = [await getTranslations("verify"), await getTranslations("passkeys")];
  return (
    <section className="card narrow">
      <h1>{t("title")}</h1>
      {withPasskey && <PasskeySignIn trustDays={trustDays} />}
      {withPasskey && <h2>{tp("orCode")}</h2>}
      <p>{method === "totp" ? t("intro", { app: config().APP_NAME }) : t("recoveryIntro")}</p>
      <VerifyForm method={method} trustDays={trustDays} />
      <p>
        {method === "totp" ? <Link href="/login/verify?method=recovery">{t("useRecovery")}</Link> : <Link href="/login/verify">{t("useApp")}</Link>}
      </p>
      <p><Link href="/login/lost-access">{t("lostAccess")}</Link></p>
      <form action={startOver}>
        <Button variant="link">{t("startOver")}</Button>
      </form>
    </section>
  );
}
