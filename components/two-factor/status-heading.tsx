import { getTranslations } from "next-intl/server";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** The heading of a card about the account's two-factor state: shield icon, "Two-factor authentication", on/off badge. */
export async function TwoFactorStatusHeading({ on, titleId }: { on: boolean; titleId: string }) {
  const t = await getTranslations("security");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h2 id={titleId} className="text-xl flex min-w-0 items-center gap-2 hyphens-auto [overflow-wrap:anywhere]">
        {on ? <ShieldCheck aria-hidden className="size-6 text-ok" /> : <ShieldOff aria-hidden className="size-6 text-warn" />}
        <span className="min-w-0">{t("status")}</span>
      </h2>
      <Badge tone={on ? "success" : "warning"}>{on ? t("badgeOn") : t("badgeOff")}</Badge>
    </div>
  );
}
