import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { policySettings } from "@/lib/settings";
import { PolicyForm, SendReminders } from "@/components/admin/policy-forms";
import { RecoverySettingsForm } from "@/components/recovery/recovery-settings-form";
import { recoverySettings } from "@/lib/recovery-settings";

export default async function SettingsPage() {
  await requireAdmin();
  const [t, current, recovery] = [await getTranslations("console.settings"), await policySettings(), await recoverySettings()];
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <section aria-labelledby="policy-title">
        <h2 id="policy-title">{t("policy")}</h2>
        <p>{t("intro")}</p>
        <PolicyForm current={current} />
      </section>
      <section className="setting" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("reminders")}</h2>
        <p>{t("remindersIntro")}</p>
        <SendReminders />
      </section>
      <RecoverySettingsForm current={recovery} />
    </section>
  );
}
