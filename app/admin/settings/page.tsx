import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { policySettings } from "@/lib/settings";
import { Card, Page } from "@/components/ui/card";
import { PolicyForm, SendReminders } from "@/components/admin/policy-forms";
import { RecoverySettingsForm } from "@/components/recovery/recovery-settings-form";
import { recoverySettings } from "@/lib/recovery-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.settings"))("title") };
}

export default async function SettingsPage() {
  await requireAdmin();
  const [t, current, recovery] = [await getTranslations("console.settings"), await policySettings(), await recoverySettings()];
  return (
    <Page title={t("title")}>
      <Card as="section" labelledBy="policy-title">
        <h2 id="policy-title" className="text-xl">{t("policy")}</h2>
        <p>{t("intro")}</p>
        <PolicyForm current={current} />
      </Card>
      <Card as="section" labelledBy="reminders-title">
        <h2 id="reminders-title" className="text-xl">{t("reminders")}</h2>
        <p>{t("remindersIntro")}</p>
        <SendReminders />
      </Card>
      <RecoverySettingsForm current={recovery} />
    </Page>
  );
}
