// Operators' command line: `npm run users -- <command>`; `npm run users -- help` lists the commands
// (scripts/users-commands.ts). Exits 0 when done, 2 on bad input, 1 when the change failed.
import { config } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { runUsersCommand, UsageError } from "./users-commands";

async function main(argv: string[]) {
  // Migrated once the arguments are read: a mistyped option is told as such, even with the database down.
  await runUsersCommand(argv, console.log, async () => void (await migrate(config().DATABASE_URL)));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(`users: ${(error as Error).message}`);
    process.exit(usage ? 2 : 1);
  },
);
