import { getFormatter, getTranslations } from "next-intl/server";
import { Fingerprint } from "lucide-react";
import { listPasskeys } from "@/lib/two-factor/passkeys";
import { Card } from "@/components/ui/card";
import { PasskeyTable } from "./passkey-forms";
import { LISTED_MOMENT } from "@/lib/dates";

/** The security page's "Passkeys and security keys": each with its name, dates and backup state, and "Add a passkey". */
export async function PasskeyList({ userId }: { userId: string }) {
  const [t, format, passkeys] = [await getTranslations("passkeys"), await getFormatter(), await listPasskeys(userId)];
  const when = (date: Date) => format.dateTime(date, LISTED_MOMENT);
  const rows = passkeys.map((p) => ({ id: p.id, name: p.name, created: when(p.createdAt), lastUsed: p.lastUsedAt && when(p.lastUsedAt), backedUp: p.backedUp }));
  return (
    <Card as="section" labelledBy="passkeys-title">
      <h2 id="passkeys-title" className="text-xl flex items-center gap-2"><Fingerprint aria-hidden className="size-5" />{t("title")}</h2>
      <p>{t("intro")}</p>
      <PasskeyTable rows={rows} titleId="passkeys-title" />
    </Card>
  );
}
