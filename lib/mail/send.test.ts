import "@/test/support/db";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startFakeResend } from "@/test/support/fake-resend";

const resend = await startFakeResend();
process.env.RESEND_BASE_URL = resend.url;
after(() => resend.close());

const { db } = await import("@/lib/db");
const { deliverDue } = await import("./deliverer");
const { sendMail } = await import("./send");
const { renderMail } = await import("./templates");
const { configuredTransport, resendTransport } = await import("./transport");

const alice = { email: "alice@example.test", name: "Alice", locale: "fr" };

test("without RESEND_API_KEY, mail is delivered to the outbox itself (the dev mailbox), codes redacted", async () => {
  delete process.env.RESEND_API_KEY;
  const { config } = await import("@/lib/config");
  assert.equal(config().RESEND_API_KEY, undefined);
  const sent = await sendMail(renderMail("twoFactorEnabled", alice, {}, ["abcde-fghjk"]));
  assert.equal(sent.delivery, "queued");
  assert.equal((await deliverDue({ transport: configuredTransport() })).sent, 1);
  const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } });
  assert.equal(row.to, "alice@example.test");
  assert.equal(row.status, "sent");
  assert.equal(row.kind, "twoFactorEnabled");
  assert.match(row.subject, /deux facteurs/);
  assert.ok(!row.text.includes("abcde-fghjk") && !row.html.includes("abcde-fghjk"), "the mailbox never shows codes");
  assert.equal(row.sealed, null);
  assert.equal(resend.mails.length, 0);
});

test("with a key, the Resend SDK posts the message to the Resend API, with the outbox id as Idempotency-Key", async () => {
  const sent = await sendMail(renderMail("passwordChanged", { email: "bob@example.test", name: "Bob <b>", locale: "nl" }));
  assert.equal((await deliverDue({ transport: resendTransport("re_test_key") })).sent, 1);
  const [mail] = resend.mails;
  assert.ok(mail);
  const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } });
  assert.equal(row.providerId, mail.id);
  assert.equal(mail.idempotencyKey, `outbox-${sent.id}`);
  assert.equal(mail.authorization, "Bearer re_test_key");
  assert.deepEqual(mail.to, ["bob@example.test"]);
  assert.match(mail.subject, /wachtwoord/);
  assert.match(mail.html, /Bob &#60;b&#62;/, "names are escaped in the HTML part");
  assert.match(mail.text, /Hallo Bob <b>,/);
});

before(() => resend.mails.splice(0));
