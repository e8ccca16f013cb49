import { defineConfig } from "prisma/config";

// The CLI is used for `generate` only: migrations are applied by scripts/migrate.ts (see README).
export default defineConfig({
  schema: process.env.PRISMA_SCHEMA ?? "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
