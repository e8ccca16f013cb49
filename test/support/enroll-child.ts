// Run by lib/two-factor/enrollment-kill.test.ts in a child process that it kills mid-way:
// confirms the enrollment of KILL_USER with KILL_CODE, saying "go" just before and "done" after.
import { db } from "../../lib/db";
import { completeEnrollment } from "../../lib/two-factor/manage";

const user = await db.user.findUniqueOrThrow({ where: { id: process.env.KILL_USER! } });
await db.user.count();
process.stdout.write("go\n");
const r = await completeEnrollment(user, process.env.KILL_CODE, { client: {} });
process.stdout.write(r.ok ? "done\n" : "refused\n");
process.exit(0);
