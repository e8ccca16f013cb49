import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";

/** A refusal (403, 404) as a page of the product: what happened, and a way back. */
export async function Refusal({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  const t = await getTranslations("errors");
  return (
    <Page width="narrow" title={<span className="flex items-center gap-2">{icon}{title}</span>}>
      <Card>
        <p>{text}</p>
        <ButtonLink href="/">{t("backHome")}</ButtonLink>
      </Card>
    </Page>
  );
}
