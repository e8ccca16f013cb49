import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time: the browser gets no ICU parser (first-load JS budget).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "bcryptjs"],
  experimental: {
    authInterrupts: true,
    // Import only the primitives and chart parts a page uses from these barrel packages.
    optimizePackageImports: ["radix-ui", "recharts"],
    // proxy.ts answers 413 above 256 kB; this is the limit for bodies sent without a length.
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
