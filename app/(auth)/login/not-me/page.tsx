import { getTranslations } from "next-intl/server";
import { NotMeForm } from "@/components/recovery/not-me-form";

// "This wasn't me", opened from a mail without signing in: the signed token is checked by the action.
export default async function NotMePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  const t = await getTranslations("recovery.notMe");
  return (
    <section className="card narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <NotMeForm token={typeof token === "string" ? token.slice(0, 200) : ""} />
    </section>
  );
}
