// `npm run mail -- deliver`: delivers the outbox's due messages once and exits (for cron, or when
// the server runs with MAIL_DELIVERER=off). `npm run mail -- status` prints the queue's counts.
import { config } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { deliverDue } from "@/lib/mail/deliverer";
import { mailHealth } from "@/lib/mail/outbox";

const USAGE = `Usage: npm run mail -- <command>
  deliver   sends every message that is due now (retries included), then exits
  status    how many messages are queued, being retried, and failed`;

async function main(command: string | undefined) {
  if (!command || command === "help") return console.log(USAGE);
  await migrate(config().DATABASE_URL);
  switch (command) {
    case "deliver": {
      const r = await deliverDue();
      return console.log(`mail: ${r.sent} sent, ${r.retrying} to retry later, ${r.failed} failed for good`);
    }
    case "status": {
      const h = await mailHealth();
      return console.log(`mail: ${h.queued} queued (${h.retrying} being retried), ${h.failed} failed`);
    }
    default:
      console.error(`mail: unknown command "${command}"\n${USAGE}`);
      process.exit(2);
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`mail: ${(error as Error).message}`);
    process.exit(1);
  },
);
