import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { config } from "@/lib/config";
import { RolloutBanner } from "@/components/layout/rollout-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("title", { app: config().APP_NAME }), description: t("description", { app: config().APP_NAME }) };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <TimeZoneCookie />
          <SiteHeader />
          <RolloutBanner />
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
