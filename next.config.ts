import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "bcryptjs"],
  experimental: {
    authInterrupts: true,
    // A sign-in form is a few hundred bytes; anything near this size is an attack, refused with 413.
    serverActions: { bodySizeLimit: "64kb" },
  },
};

export default withNextIntl(nextConfig);
