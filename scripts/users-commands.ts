// The operators' commands behind `npm run users -- <command>` (scripts/users.ts), as a function.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { passwordStrengthProblem } from "@/lib/auth/password-strength";
import { sendDueReminders } from "@/lib/reminders";
import { formatMoment, isCalendarDay, startOfDayIn } from "@/lib/dates";
import { deadlineOf } from "@/lib/policy";
import { EXCEPTION_REASON_MAX, extendDeadline, setExemption } from "@/lib/rollout/exceptions";
import { currentPolicy } from "@/lib/settings";
import * as support from "@/lib/support";
import { IDENTITY_CHECKS, type IdentityCheck } from "@/lib/admin/identity-checks";
import { recoverySettings } from "@/lib/recovery-settings";
import { startRecovery } from "@/lib/support-recovery";
import { messages } from "@/lib/i18n/messages";
import { isLocale } from "@/lib/i18n/locales";
import { normalizeEmail } from "@/lib/email";
import { changePassword, createUser, findUserByEmail, listUsers } from "@/lib/users";

const USAGE = `Usage: npm run users -- <command>
  create <email> --password <pw> [--admin] [--name <name>] [--locale en|fr|nl]
  list
  set-password <email> [--password <pw>]   (without --password, reads it from standard input)
  sign-out <email>                          signs the user out of every browser
  reset-2fa <email> --reason "…"            removes the user's 2FA (secret and recovery codes); they enroll again
  issue-access-code <email> --hours N --reason "…" --verified callback,document
                                            prints a temporary access code once: single use, valid N hours (default 1, up to
                                            the rollout settings' maximum); the session it opens reaches only the wizard
  unlock <email>                            lifts the lock after too many wrong codes
  remind                                    mails the due reminders (by default 30, 14, 7, 1 days before the date and on the day); safe to run daily
  extend <email> [--until YYYY-MM-DD --reason "…"]   shows, or sets, the account's personal deadline (from 00:00 of that day in the rollout's zone); mailed to the user
  exempt <email> --reason "…" | --end       marks the account exempt from the 2FA rollout (never an admin), or ends it`;

/** A mistake in the command's input: the command line exits with 2 and prints the message. */
export class UsageError extends Error {}

// The change is made once this is printed: delivery is the outbox's job, retried until it succeeds.
const MAIL_QUEUED = "a mail to the user is queued (the server delivers it, or `npm run mail -- deliver`)";

// What the audit trail records as the "browser" of an operator's change.
const COMMAND_LINE = { client: { userAgent: "command line" } };

async function account(email: string | undefined) {
  const user = email ? await findUserByEmail(email) : null;
  if (!user) throw new UsageError(`no account has the email ${email ?? "(none given)"}`);
  return user;
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write("New password: ");
  const line = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
  rl.close();
  return line ?? "";
}

// The same rules as every form that sets a password: length, then common, leaked or personal passwords.
function checkPassword(password: string, account: { email: string; name?: string }) {
  const problem = passwordStrengthProblem(password, account);
  if (!problem) return;
  const [namespace, key] = problem.split(".") as [string, string];
  throw new UsageError((messages.en as unknown as Record<string, Record<string, string>>)[namespace]![key]!);
}

/**
 * Runs one operators' command (`argv`: the words after `npm run users --`) on the configured
 * database, printing its answer line by line with `print`. `ready` runs once the input is read and
 * before the command touches the database (the command line migrates there). Throws
 * UsageError for bad input (or parseArgs's ERR_PARSE_ARGS_* errors), anything else when the change
 * could not be made. Used by the command line (scripts/users.ts) and by the e2e servers' harness.
 */
export async function runUsersCommand(argv: string[], print: (line: string) => void = console.log, ready: () => Promise<void> = async () => {}): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { password: { type: "string" }, admin: { type: "boolean" }, name: { type: "string" }, locale: { type: "string" }, reason: { type: "string" }, until: { type: "string" }, end: { type: "boolean" }, hours: { type: "string" }, verified: { type: "string" } },
  });
  const [command, email] = positionals;
  if (!command || command === "help") return print(USAGE);
  await ready();
  switch (command) {
    case "create": {
      if (!email || !normalizeEmail(email)) throw new UsageError("create needs a valid email address (name@example.com; see lib/email.ts)");
      if (values.locale !== undefined && !isLocale(values.locale)) throw new UsageError("--locale must be en, fr or nl");
      const password = await readPassword(values.password);
      checkPassword(password, { email, name: values.name });
      if (await findUserByEmail(email)) throw new UsageError(`${email} already has an account`);
      const user = await createUser({ email, password, name: values.name, role: values.admin ? "admin" : "user", locale: isLocale(values.locale) ? values.locale : undefined });
      return print(`created ${user.role} ${user.email}`);
    }
    case "list": {
      for (const u of await listUsers()) {
        print([u.email, u.role, u.locale, u.name, u.lastSignInAt?.toISOString() ?? "never signed in"].join("\t"));
      }
      return;
    }
    case "set-password": {
      const user = await account(email);
      const password = await readPassword(values.password);
      checkPassword(password, user);
      const { signedOut } = await changePassword(user, password, COMMAND_LINE);
      return print(`password of ${user.email} changed; ${signedOut} session(s) and any sign-in under way were ended; ${MAIL_QUEUED}`);
    }
    case "sign-out": {
      const user = await account(email);
      const { signedOut } = await support.signOutEverywhere(user, COMMAND_LINE);
      return print(`signed ${user.email} out of ${signedOut} session(s); ${MAIL_QUEUED}`);
    }
    case "reset-2fa": {
      const user = await account(email);
      const reason = values.reason?.trim();
      if (!reason) throw new UsageError('reset-2fa needs --reason "…" (it is kept in the audit trail and told to the user)');
      const outcome = await startRecovery(user, { kind: "reset", verification: [], reason }, { actor: null, ...COMMAND_LINE });
      if (!outcome.ok) throw new UsageError(`${user.email} has no two-factor authentication to reset`);
      return print(`two-factor authentication of ${user.email} was reset; ${MAIL_QUEUED}`);
    }
    case "issue-access-code": {
      const user = await account(email);
      const reason = values.reason?.trim();
      if (!reason) throw new UsageError('issue-access-code needs --reason "…" (kept in the audit trail)');
      const verification = (values.verified ?? "").split(",").map((v) => v.trim()).filter(Boolean);
      const unknown = verification.filter((v) => !(IDENTITY_CHECKS as readonly string[]).includes(v));
      if (!verification.length || unknown.length) throw new UsageError(`--verified needs one or more of ${IDENTITY_CHECKS.join(",")}`);
      const hours = values.hours === undefined ? 1 : /^\d{1,3}$/.test(values.hours) ? Number(values.hours) : NaN;
      const outcome = await startRecovery(user, { kind: "access_code", verification: verification as IdentityCheck[], reason, lifetimeHours: hours }, { actor: null, ...COMMAND_LINE });
      if (!outcome.ok) {
        const { maxCodeHours } = await recoverySettings();
        if (outcome.reason === "lifetime") throw new UsageError(`--hours must be a whole number from 1 to ${maxCodeHours}`);
        throw new UsageError(`${user.email} has no two-factor authentication: they can sign in with their password and set it up`);
      }
      if (outcome.pending) return;
      print(`temporary access code for ${user.email}, valid until ${outcome.expiresAt!.toISOString()} (read it out on a call back to the number on file; it is shown only now):`);
      print(outcome.code!);
      return print(MAIL_QUEUED.replace("a mail", "a mail (without the code)"));
    }
    case "unlock": {
      const user = await account(email);
      await support.unlockTwoFactor(user, COMMAND_LINE);
      return print(`${user.email} is unlocked; ${MAIL_QUEUED}`);
    }
    case "remind": {
      const { sent, failed } = await sendDueReminders(new Date(), COMMAND_LINE);
      print(`reminders queued: ${sent}`);
      // Those that could not be queued are left for the next run, which finds them not reminded.
      if (failed) throw new Error(`${failed} reminder(s) could not be queued (see the log); run again later`);
      return;
    }
    case "extend": {
      const user = await account(email);
      const policy = await currentPolicy();
      if (values.until === undefined) {
        const deadline = deadlineOf(user, policy);
        return print(`${user.email}: two-factor authentication required from ${formatMoment(deadline, "en-GB", policy.timeZone)}${user.personalDeadline ? ` (personal deadline; reason: ${user.personalDeadlineReason ?? ""})` : ""}`);
      }
      if (!isCalendarDay(values.until)) throw new UsageError("--until must be a day written YYYY-MM-DD");
      const reason = values.reason?.trim();
      if (!reason) throw new UsageError('extend needs --reason "…" (it is kept in the audit trail and told to the user)');
      if (reason.length > EXCEPTION_REASON_MAX) throw new UsageError(`--reason can be at most ${EXCEPTION_REASON_MAX} characters`);
      const until = startOfDayIn(values.until, policy.timeZone);
      const result = await extendDeadline(user, until, reason, policy.timeZone, COMMAND_LINE);
      if (!result.ok) throw new UsageError({ admin: "administrators always need two-factor authentication", enrolled: `${user.email} already uses two-factor authentication`, past: "--until must be a day after today", tooFar: "--until must be within a year from today (exempt the account for longer)" }[result.reason]);
      return print(`${user.email}: two-factor authentication required from ${formatMoment(until, "en-GB", policy.timeZone)}; ${MAIL_QUEUED}`);
    }
    case "exempt": {
      const user = await account(email);
      const reason = values.reason?.trim();
      if (!values.end && !reason) throw new UsageError('exempt needs --reason "…" (kept in the audit trail), or --end');
      if (reason && reason.length > EXCEPTION_REASON_MAX) throw new UsageError(`--reason can be at most ${EXCEPTION_REASON_MAX} characters`);
      const result = await setExemption(user, values.end ? null : reason!, COMMAND_LINE);
      if (!result.ok) throw new UsageError("administrators always need two-factor authentication");
      return print(values.end ? `${user.email} is no longer exempt` : `${user.email} is exempt from two-factor authentication`);
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

