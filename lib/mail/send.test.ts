import "@/test/support/db";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startFakeResend } from "@/test/support/fake-resend";
import { db } from "@/lib/db";
import { sendMail } from "./send";
import { renderMail } from "./templates";

const resend = await startFakeResend();
after(() => resend.close());

const alice = { email: "alice@example.test", name: "Alice", locale: "fr" };

test("without RESEND_API_KEY, mail lands in the outbox", async () => {
  delete process.env.RESEND_API_KEY;
  const { config } = await import("@/lib/config");
  assert.equal(config().RESEND_API_KEY, undefined);
  const sent = await sendMail(renderMail("passwordChanged", alice));
  assert.equal(sent.delivery, "outbox");
  const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } });
  assert.equal(row.to, "alice@example.test");
  assert.match(row.subject, /mot de passe/);
  assert.equal(resend.mails.length, 0);
});

test("with a key, the Resend SDK posts the message to the Resend API", async () => {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  // A fresh process, so that config() reads the key and the SDK reads RESEND_BASE_URL.
  const script = `
    const { sendMail } = await import("@/lib/mail/send");
    const { renderMail } = await import("@/lib/mail/templates");
    const r = await sendMail(renderMail("passwordChanged", { email: "bob@example.test", name: "Bob <b>", locale: "nl" }));
    console.log(JSON.stringify(r));
    process.exit(0);`;
  // Asynchronous, so that this process's fake Resend server can answer meanwhile.
  const { stdout: out } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: { ...process.env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url },
    encoding: "utf8",
  });
  const result = JSON.parse(out.trim().split("\n").pop()!);
  assert.equal(result.delivery, "resend");
  const [mail] = resend.mails;
  assert.ok(mail);
  assert.equal(mail.id, result.id);
  assert.equal(mail.authorization, "Bearer re_test_key");
  assert.deepEqual(mail.to, ["bob@example.test"]);
  assert.match(mail.subject, /wachtwoord/);
  assert.match(mail.html, /Bob &#60;b&#62;/, "names are escaped in the HTML part");
  assert.match(mail.text, /Hallo Bob <b>,/);
});

before(() => resend.mails.splice(0));
