import { getFormatter, getTranslations } from "next-intl/server";
import { MonitorCheck } from "lucide-react";
import { listTrustedBrowsers } from "@/lib/auth/trusted-browser";
import { Card } from "@/components/ui/card";
import { TrustedBrowserTable } from "./trusted-browser-forms";
import { LISTED_MOMENT } from "@/lib/dates";

/** "Trusted browsers" of an account ("Firefox on Windows, trusted since…, last used…"), for its owner or, with `admin`, for support. */
export async function TrustedBrowserList({ userId, admin = false }: { userId: string; admin?: boolean }) {
  const [t, format, browsers] = [await getTranslations("trustedBrowsers"), await getFormatter(), await listTrustedBrowsers(userId)];
  const when = (date: Date) => format.dateTime(date, LISTED_MOMENT);
  const rows = browsers.map((b) => ({
    id: b.id,
    label: t("label", { browser: b.browser ?? t("unknownBrowser"), system: b.system ?? t("unknownSystem") }),
    since: when(b.createdAt),
    lastUsed: when(b.lastUsedAt),
    until: when(b.expiresAt),
    address: b.ip ?? "?",
  }));
  return (
    <Card as="section" labelledBy="trusted-browsers-title">
      <h2 id="trusted-browsers-title" className="text-xl flex items-center gap-2"><MonitorCheck aria-hidden className="size-5" />{t("title")}</h2>
      <p>{t(admin ? "adminIntro" : "intro")}</p>
      <TrustedBrowserTable rows={rows} userId={admin ? userId : undefined} titleId="trusted-browsers-title" />
    </Card>
  );
}
