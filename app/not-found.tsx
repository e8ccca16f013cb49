import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="card narrow">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFound")}</p>
      <Link href="/">{t("backHome")}</Link>
    </section>
  );
}
