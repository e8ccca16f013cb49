import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchX } from "lucide-react";
import { Refusal } from "@/components/layout/refusal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("notFound") };
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <Refusal icon={<SearchX aria-hidden className="size-7 shrink-0" />} title={t("notFoundTitle")} text={t("notFound")} />;
}
