import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { startOver } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";
import { AccessCodeForm } from "./access-code-form";
import { RequestStatus } from "./request-status";

/** The second sign-in step's "Use a temporary access code" screen. */
export async function AccessCodeStep({ userId, withApp }: { userId: string; withApp: boolean }) {
  const [t, tv] = [await getTranslations("recovery.verify"), await getTranslations("verify")];
  return (
    <Page width="narrow" title={tv("title")} intro={t("intro")}>
      <Card>
        <AccessCodeForm />
      </Card>
      <p><Link href="/login/verify">{tv(withApp ? "useApp" : "otherWays")}</Link></p>
      <RequestStatus userId={userId} />
      <form action={startOver}>
        <Button variant="link">{tv("startOver")}</Button>
      </form>
    </Page>
  );
}
