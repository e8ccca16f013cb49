import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingSignIn } from "@/lib/auth/pending";
import { startOver } from "@/lib/actions/auth";
import { config } from "@/lib/config";
import { errorFromAddress } from "@/lib/auth/form-step";
import { trustedBrowserDaysFor } from "@/lib/auth/trusted-browser";
import { hasPasskeys } from "@/lib/two-factor/passkeys";
import { Button } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";
import { VerifyForm } from "@/components/two-factor/verify-form";
import { PasskeySignIn } from "@/components/two-factor/passkey-sign-in";
import { AccessCodeStep } from "@/components/recovery/access-code-step";
import { RequestStatus } from "@/components/recovery/request-status";

type Search = Promise<{ method?: string; error?: string | string[] }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const t = await getTranslations("titles");
  return { title: (await searchParams).method === "recovery" ? t("verifyRecovery") : t("verify") };
}

// Passkey first when the account has one, then the app's code (or a recovery code), then a
// temporary access code from support. An account enrolled with a passkey only has no app to ask for.
export default async function VerifyPage({ searchParams }: { searchParams: Search }) {
  const pending = await pendingSignIn();
  const { method: chosen, error } = await searchParams;
  // Without JavaScript, "your sign-in expired" is said on the page where it starts again.
  if (!pending) redirect(error === "verify.expired" ? "/login?error=verify.expired" : "/login");
  if (chosen === "access") return <AccessCodeStep userId={pending.user.id} withApp={!!pending.user.totpSecret} />;
  const [withPasskey, trustDays] = [await hasPasskeys(pending.user.id), await trustedBrowserDaysFor(pending.user)];
  const withApp = !!pending.user.totpSecret;
  const method = chosen === "recovery" || !withApp ? "recovery" : "totp";
  const [t, tp] = [await getTranslations("verify"), await getTranslations("passkeys")];
  const intro = withPasskey ? (withApp ? tp("signInIntro") : tp("passkeyOnlyIntro")) : method === "totp" ? t("intro", { app: config().APP_NAME }) : t("recoveryIntro");
  return (
    <Page width="narrow" title={t("title")} intro={intro}>
      {withPasskey && (
        <Card as="section" labelledBy="passkey-title">
          <h2 id="passkey-title" className="text-xl">{tp("title")}</h2>
          <PasskeySignIn trustDays={trustDays} />
        </Card>
      )}
      <Card as="section" labelledBy={withPasskey ? "code-title" : undefined}>
        {withPasskey && <h2 id="code-title" className="text-xl">{tp("orCode")}</h2>}
        {withPasskey && <p>{method === "totp" ? t("intro", { app: config().APP_NAME }) : t("recoveryIntro")}</p>}
        <VerifyForm method={method} trustDays={trustDays} error={errorFromAddress(error)} />
      </Card>
      {/* Not prefetched: each would render a page on the server at every sign-in, for links rarely followed. */}
      <ul className="space-y-2" role="list">
        {withApp && <li>{method === "totp" ? <Link href="/login/verify?method=recovery" prefetch={false}>{t("useRecovery")}</Link> : <Link href="/login/verify" prefetch={false}>{t("useApp")}</Link>}</li>}
        <li><Link href="/login/verify?method=access" prefetch={false}>{(await getTranslations("recovery.verify"))("link")}</Link></li>
        <li><Link href="/login/lost-access" prefetch={false}>{t(withApp ? "lostAccess" : "lostPasskey")}</Link></li>
        <li>
          <form action={startOver}>
            <Button variant="link">{t("startOver")}</Button>
          </form>
        </li>
      </ul>
      <RequestStatus userId={pending.user.id} />
    </Page>
  );
}
