import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Gzip in the Node server costs about a tenth of its main thread under sign-in load (measured with
  // npm run bench): a reverse proxy or CDN compresses in production. HTTP_COMPRESSION=on (read at
  // `next start`) turns it back on for a server that faces browsers directly.
  compress: process.env.HTTP_COMPRESSION === "on",
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "bcryptjs", "piscina"],
  experimental: {
    authInterrupts: true,
    // proxy.ts answers 413 above 256 kB; this is the limit for bodies sent without a length.
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
