import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { policySettings } from "@/lib/settings";
import { PolicyForm, SendReminders } from "@/components/admin/policy-forms";
import { TrustDaysForm } from "@/components/account/trusted-browser-forms";
import { trustedBrowserDays } from "@/lib/auth/trusted-browser";

export default async function SettingsPage() {
  await requireAdmin();
  const [t, current] = [await getTranslations("console.settings"), await policySettings()];
  const tb = await getTranslations("trustedBrowsers");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <section aria-labelledby="policy-title">
        <h2 id="policy-title">{t("policy")}</h2>
        <p>{t("intro")}</p>
        <PolicyForm current={current} />
      </section>
      <section className="setting" aria-labelledby="trust-title">
        <h2 id="trust-title">{tb("settingTitle")}</h2>
        <TrustDaysForm days={await trustedBrowserDays()} />
      </section>
      <section className="setting" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("reminders")}</h2>
        <p>{t("remindersIntro")}</p>
        <SendReminders />
      </section>
    </section>
  );
}
