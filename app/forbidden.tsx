import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShieldX } from "lucide-react";
import { Refusal } from "@/components/layout/refusal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("forbidden") };
}

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return <Refusal icon={<ShieldX aria-hidden className="size-7 shrink-0" />} title={t("forbiddenTitle")} text={t("forbidden")} />;
}
