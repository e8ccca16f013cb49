import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time: the browser gets no ICU parser (first-load JS budget).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Gzip in the Node server costs about a tenth of its main thread under sign-in load (measured with
  // npm run bench): a reverse proxy or CDN compresses in production. HTTP_COMPRESSION=on (read at
  // `next start`) turns it back on for a server that faces browsers directly.
  compress: process.env.HTTP_COMPRESSION === "on",
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "bcryptjs", "piscina"],
  experimental: {
    authInterrupts: true,
    // Import only the primitives and chart parts a page uses from these barrel packages.
    optimizePackageImports: ["radix-ui", "recharts"],
    // proxy.ts answers 413 above 256 kB; this is the limit for bodies sent without a length.
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
