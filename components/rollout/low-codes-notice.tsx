import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

/** Shown at sign-in (the account page) while 3 or fewer recovery codes remain: one click to make new ones. */
export async function LowCodesNotice({ remaining }: { remaining: number }) {
  const t = await getTranslations("rolloutPolicy");
  return (
    <Alert tone="warning" live={false}>
      <p>{t("lowCodes", { count: remaining })}</p>
      <ButtonLink href="/settings/security#regenerate-title" size="sm">{t("lowCodesAction")}</ButtonLink>
    </Alert>
  );
}
