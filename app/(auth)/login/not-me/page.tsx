import { getTranslations } from "next-intl/server";
import { Card, Page } from "@/components/ui/card";
import { NotMeForm } from "@/components/recovery/not-me-form";

// "This wasn't me", opened from a mail without signing in: the signed token is checked by the action.
export default async function NotMePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  const t = await getTranslations("recovery.notMe");
  return (
    <Page width="narrow" title={t("title")} intro={t("intro")}>
      <Card>
        <NotMeForm token={typeof token === "string" ? token.slice(0, 200) : ""} />
      </Card>
    </Page>
  );
}
