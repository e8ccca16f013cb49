// Run by `npm start` before the server: applies migrations and creates the demo accounts.
import { join } from "node:path";
import { config } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";

const applied = await migrate(config().DATABASE_URL);
if (applied.length) console.log(`setup: applied migrations ${applied.join(", ")}`);

if (process.argv.includes("--demo")) {
  const { ensureDemoAccounts } = await import("@/lib/demo");
  const accounts = await ensureDemoAccounts(join(process.cwd(), ".data/demo-accounts.json"));
  if (accounts.length) {
    console.log("\nDemo accounts (passwords are in .data/demo-accounts.json):");
    for (const a of accounts) console.log(`  ${a.role.padEnd(5)}  ${a.email.padEnd(20)}  ${a.password}   (${a.name}, ${a.locale})`);
    console.log("");
  }
}
process.exit(0);
