// Operators' command line: `npm run users -- <command>`; `npm run users -- help` lists the commands.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { config } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { passwordProblem } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/sessions";
import { messages } from "@/lib/i18n/messages";
import { isLocale } from "@/lib/i18n/locales";
import { sendMail } from "@/lib/mail/send";
import { renderMail } from "@/lib/mail/templates";
import { createUser, findUserByEmail, listUsers, setPassword } from "@/lib/users";

const USAGE = `Usage: npm run users -- <command>
  create <email> --password <pw> [--admin] [--name <name>] [--locale en|fr|nl]
  list
  set-password <email> [--password <pw>]   (without --password, reads it from standard input)
  sign-out <email>                          signs the user out of every browser`;

class UsageError extends Error {}

async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write("New password: ");
  const line = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
  rl.close();
  return line ?? "";
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(messages.en.password[problem.split(".")[1] as "tooShort" | "tooLong"]);
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { password: { type: "string" }, admin: { type: "boolean" }, name: { type: "string" }, locale: { type: "string" } },
  });
  const [command, email] = positionals;
  if (!command || command === "help") return console.log(USAGE);
  await migrate(config().DATABASE_URL);
  switch (command) {
    case "create": {
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) throw new UsageError("create needs a valid email address");
      if (values.locale !== undefined && !isLocale(values.locale)) throw new UsageError("--locale must be en, fr or nl");
      const password = await readPassword(values.password);
      checkPassword(password);
      if (await findUserByEmail(email)) throw new UsageError(`${email} already has an account`);
      const user = await createUser({ email, password, name: values.name, role: values.admin ? "admin" : "user", locale: isLocale(values.locale) ? values.locale : undefined });
      return console.log(`created ${user.role} ${user.email}`);
    }
    case "list": {
      for (const u of await listUsers()) {
        console.log([u.email, u.role, u.locale, u.name, u.lastSignInAt?.toISOString() ?? "never signed in"].join("\t"));
      }
      return;
    }
    case "set-password": {
      const user = email ? await findUserByEmail(email) : null;
      if (!user) throw new UsageError(`no account has the email ${email ?? "(none given)"}`);
      const password = await readPassword(values.password);
      checkPassword(password);
      await setPassword(user.id, password);
      await sendMail(renderMail("passwordChanged", user));
      return console.log(`password of ${user.email} changed; the user was told by email`);
    }
    case "sign-out": {
      const user = email ? await findUserByEmail(email) : null;
      if (!user) throw new UsageError(`no account has the email ${email ?? "(none given)"}`);
      const count = await revokeSessions(user.id);
      return console.log(`signed ${user.email} out of ${count} session(s)`);
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(`users: ${(error as Error).message}`);
    process.exit(usage ? 2 : 1);
  },
);
