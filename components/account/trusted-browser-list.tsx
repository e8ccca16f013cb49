import { getFormatter, getTranslations } from "next-intl/server";
import { listTrustedBrowsers } from "@/lib/auth/trusted-browser";
import { TrustedBrowserTable } from "./trusted-browser-forms";

/** "Trusted browsers" of an account ("Firefox on Windows, trusted since…, last used…"), for its owner or, with `admin`, for support. */
export async function TrustedBrowserList({ userId, admin = false }: { userId: string; admin?: boolean }) {
  const [t, format, browsers] = [await getTranslations("trustedBrowsers"), await getFormatter(), await listTrustedBrowsers(userId)];
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" });
  const rows = browsers.map((b) => ({
    id: b.id,
    label: t("label", { browser: b.browser ?? t("unknownBrowser"), system: b.system ?? t("unknownSystem") }),
    since: when(b.createdAt),
    lastUsed: when(b.lastUsedAt),
    until: when(b.expiresAt),
    address: b.ip ?? "?",
  }));
  return (
    <section className="setting" aria-labelledby="trusted-browsers-title">
      <h2 id="trusted-browsers-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <TrustedBrowserTable rows={rows} userId={admin ? userId : undefined} />
    </section>
  );
}
