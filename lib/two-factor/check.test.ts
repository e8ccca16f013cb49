import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { enrolledUser, wrongCode } from "@/test/support/two-factor";
import { checkSecondFactor } from "./check";

const client = { ip: "203.0.113.5", userAgent: "test" };
const blockMails = (to: string) => db.outboxMessage.count({ where: { to, subject: { contains: "Wrong codes were entered" } } });

test("the owner is mailed when wrong codes first block the account, not at every block", async () => {
  const { id, secret } = await enrolledUser();
  const user = await db.user.findUniqueOrThrow({ where: { id } });
  const guess = async () => checkSecondFactor(user, { code: wrongCode(secret, Date.now()) }, client);
  for (let i = 0; i < 4; i++) await guess();
  assert.equal(await blockMails(user.email), 0);
  const fifth = await guess();
  assert.equal(!fifth.ok && fifth.consequence, "blocked");
  assert.equal(await blockMails(user.email), 1);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: user.email, subject: { contains: "Wrong codes" } } });
  assert.match(mail.text, /someone knows your password/);
  assert.match(mail.text, /UTC/);

  await db.user.update({ where: { id }, data: { secondFactorBlockedUntil: new Date(Date.now() - 1) } });
  for (let i = 0; i < 5; i++) await guess();
  assert.equal(await blockMails(user.email), 1, "the second block of the same burst is not mailed again");
});
