import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { browserMessages } from "@/lib/i18n/messages";
import { config } from "@/lib/config";
import { HiddenOn } from "@/components/layout/hidden-on";
import { RolloutBanner } from "@/components/layout/rollout-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const app = config().APP_NAME;
  // Each page names itself; the product's name follows ("Security · Mail-IT-Wize").
  return { title: { template: `%s · ${app}`, default: t("title", { app }) }, description: t("description", { app }) };
}

export const viewport: Viewport = { colorScheme: "light dark", themeColor: [{ media: "(prefers-color-scheme: dark)", color: "#161b22" }, { color: "#ffffff" }] };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = [await getLocale(), await getMessages()];
  return (
    <html lang={locale}>
      <body className="min-h-dvh flex flex-col">
        <noscript>
          <style>{".js-only{display:none!important}"}</style>
        </noscript>
        <NextIntlClientProvider messages={browserMessages(messages)}>
          <TimeZoneCookie />
          <SiteHeader />
          <HiddenOn paths={["/two-factor/setup"]}>
            <RolloutBanner />
          </HiddenOn>
          <main id="main" tabIndex={-1} className="flex-1 w-full px-3 py-6 sm:px-6 sm:py-10 focus:outline-none">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
