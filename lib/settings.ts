import { z } from "zod";
import type { AuditEntry } from "./audit";
import type { Client } from "./auth/sessions";
import { isPostgres } from "./config";
import { isCalendarDay, startOfDayIn, addDays, validTimeZone } from "./dates";
import { db } from "./db";
import type { Tx } from "./mail/send";
import type { Policy } from "./policy";
import { reportedChange } from "./reported-change";

// The rollout settings: admins change them at /admin/settings (stored in Setting, every change
// audited); the environment gives the defaults. One entry of SETTING_FIELDS per setting: adding a
// setting is adding an entry (key, environment variable, schema, default) and a field to the form.

const IsoDate = z.string().trim().refine(isCalendarDay);
// Digits only: an empty field must not read as 0.
const wholeNumber = (min: number, max: number) =>
  z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(min).max(max));
const TimeZone = z.string().trim().refine((zone) => zone === "UTC" || validTimeZone(zone) !== "UTC");
// "30, 14, 7, 1, 0": days before the date, each 0 to 365, at most 10, kept sorted from the furthest.
const ReminderDays = z
  .union([z.array(z.number()), z.string().trim().regex(/^\d{1,3}(\s*,\s*\d{1,3}){0,9}$/).transform((s) => s.split(",").map(Number))])
  .pipe(z.array(z.number().int().min(0).max(365)).min(1).max(10))
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));
// Empty: the announcement is taken to be the first reminder's day.
const OptionalDate = z.union([z.literal(""), IsoDate]);

export const SECOND_ADMIN_MODES = ["auto", "on", "off"] as const;
export type SecondAdminMode = (typeof SECOND_ADMIN_MODES)[number];

type Field<T> = { key: string; env: string; schema: z.ZodType<T, unknown>; fallback: T; stored: (value: T) => string };
const field = <T>(key: string, env: string, schema: z.ZodType<T, unknown>, fallback: T, stored: (value: T) => string = String): Field<T> => ({ key, env, schema, fallback, stored });

export const SETTING_FIELDS = {
  /** The day from which 2FA is required, from 00:00 in `timeZone`. */
  requiredFrom: field("two_factor.required_from", "TWO_FACTOR_REQUIRED_FROM", IsoDate, "2025-05-05"),
  /** IANA zone in which the date (and every rollout day) is defined. */
  timeZone: field("two_factor.time_zone", "TWO_FACTOR_TIME_ZONE", TimeZone, "Europe/Brussels"),
  /** Days after the date during which snoozes may be used: the last day is date + grace. */
  graceDays: field("two_factor.grace_days", "TWO_FACTOR_GRACE_DAYS", wholeNumber(0, 365), 0),
  /** How many times a user may choose "Remind me later" (0: never). */
  snoozeLimit: field("two_factor.snooze_limit", "TWO_FACTOR_SNOOZE_LIMIT", wholeNumber(0, 20), 3),
  /** Days that one "Remind me later" defers the wizard. */
  snoozeDays: field("two_factor.snooze_days", "TWO_FACTOR_SNOOZE_DAYS", wholeNumber(1, 14), 1),
  /** Accounts created after the date get this many days before the wizard is forced. */
  newAccountDays: field("two_factor.new_account_days", "TWO_FACTOR_NEW_ACCOUNT_DAYS", wholeNumber(0, 90), 7),
  /** Reminders before the date, in days (0: the day itself). */
  reminderDays: field("two_factor.reminder_days", "TWO_FACTOR_REMINDER_DAYS", ReminderDays, [30, 14, 7, 1, 0], (days) => days.join(",")),
  /** When the rollout was announced (the funnel counts sign-ins since then). */
  announcedOn: field("two_factor.announced_on", "TWO_FACTOR_ANNOUNCED_ON", OptionalDate, ""),
  /**
   * Days a browser may skip the code step once trusted (lib/auth/trusted-browser.ts), 0 (off, the
   * default: NIST SP 800-63B rev. 4 does not let a remembered browser replace the second factor at AAL2) to 90.
   */
  trustedBrowserDays: field("two_factor.trusted_browser_days", "TWO_FACTOR_TRUSTED_BROWSER_DAYS", wholeNumber(0, 90), 0),
  /** The longest lifetime, in hours, support may give a temporary access code (a stopgap, not a factor). */
  maxCodeHours: field("recovery.max_code_hours", "RECOVERY_MAX_CODE_HOURS", wholeNumber(1, 72), 8),
  /** Whether support recovery waits for a second admin: "auto" when there are two or more admins. */
  secondAdmin: field("recovery.second_admin", "RECOVERY_SECOND_ADMIN", z.enum(SECOND_ADMIN_MODES), "auto" as SecondAdminMode),
};

type Fields = typeof SETTING_FIELDS;
export type SettingName = keyof Fields;
export type PolicySettings = { [K in SettingName]: Fields[K] extends Field<infer T> ? T : never };

const names = Object.keys(SETTING_FIELDS) as SettingName[];

/** The settings each form of /admin/settings edits together (every setting is in one group). */
export const SETTING_GROUPS = {
  rollout: ["requiredFrom", "timeZone", "graceDays", "snoozeLimit", "snoozeDays", "newAccountDays", "reminderDays", "announcedOn", "trustedBrowserDays"],
  recovery: ["maxCodeHours", "secondAdmin"],
} as const satisfies Record<string, readonly SettingName[]>;
export type SettingGroup = keyof typeof SETTING_GROUPS;
export type RolloutSetting = (typeof SETTING_GROUPS.rollout)[number];

/**
 * The form of /admin/settings a policy.changed event came from, read from the settings it recorded
 * after the change (see policyChangeAudit: its details' `after`; `recovery.after` in events of
 * the recovery form before policyChangeAudit): "recovery" when they are that group's settings
 * only, else "rollout" (whose saves record every setting, as did events from before the groups).
 * Takes the event's details, any JSON value.
 */
export function settingGroupOf(details: unknown): SettingGroup {
  const field = (value: unknown, name: string): unknown => (value && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined);
  const after = field(details, "after") ?? field(field(details, "recovery"), "after");
  const names = after && typeof after === "object" ? Object.keys(after) : [];
  const recovery: readonly string[] = SETTING_GROUPS.recovery;
  return names.length > 0 && names.every((n) => recovery.includes(n)) ? "recovery" : "rollout";
}

function read<K extends SettingName>(name: K, stored: string | undefined): PolicySettings[K] {
  const f = SETTING_FIELDS[name] as unknown as Field<PolicySettings[K]>;
  for (const value of [stored, process.env[f.env]]) {
    if (value === undefined) continue;
    const parsed = f.schema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return f.fallback;
}

/** The rollout settings in force: stored values, else valid environment values, else the defaults. */
export async function policySettings(client: Pick<Tx, "setting"> = db): Promise<PolicySettings> {
  const rows = await client.setting.findMany({ where: { key: { in: names.map((n) => SETTING_FIELDS[n].key) } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(names.map((n) => [n, read(n, stored.get(SETTING_FIELDS[n].key))])) as PolicySettings;
}

/** The policy as lib/policy.ts decides with it: the date and last day as instants in the setting's zone. */
export function toPolicy(settings: PolicySettings): Policy {
  return {
    requiredFrom: startOfDayIn(settings.requiredFrom, settings.timeZone),
    lastDay: startOfDayIn(addDays(settings.requiredFrom, settings.graceDays), settings.timeZone),
    timeZone: settings.timeZone,
    snoozeLimit: settings.snoozeLimit,
    snoozeDays: settings.snoozeDays,
    newAccountDays: settings.newAccountDays,
  };
}

export async function currentPolicy(): Promise<Policy> {
  return toPolicy(await policySettings());
}

/** Validates one group's form (strings as typed); errors name the field. */
export function settingsInput<G extends SettingGroup>(group: G) {
  type Names = (typeof SETTING_GROUPS)[G][number];
  return z.object(Object.fromEntries(SETTING_GROUPS[group].map((n) => [n, SETTING_FIELDS[n].schema])) as { [K in Names]: Fields[K]["schema"] });
}

/** A saved change of the settings: what was in force before and after, and how many trusted browsers it forgot. */
export type PolicyChange = { before: PolicySettings; after: PolicySettings; forgottenTrustedBrowsers: number };

/**
 * Saves `input` over the settings in force, by `adminId`, in one transaction with its audit event:
 * `audited` says what to record of the change (nothing: none), so a change is never saved without
 * its line in the audit trail, nor the line written for a change rolled back. A save whose input
 * sets trustedBrowserDays to 0 forgets every trusted browser in that transaction too, so turning
 * it on again later trusts none of the old ones. `input` must have passed settingsInput. Returns the
 * change; throws what the database throws, having saved nothing.
 */
export async function savePolicySettings(input: Partial<PolicySettings>, adminId: string, audited?: (change: PolicyChange) => AuditEntry | undefined): Promise<PolicyChange> {
  return reportedChange(async (tx) => {
    await lockSettings(tx);
    const before = await policySettings(tx);
    const after = { ...before, ...input } as PolicySettings;
    const now = new Date();
    // Only a save that sets 0 (the rollout form's) forgets: another group's save (the recovery
    // settings) leaves the rows alone. Off: nothing trusted before stays trusted
    // (lib/auth/trusted-browser.ts reads these rows).
    const forgottenTrustedBrowsers = input.trustedBrowserDays === 0 ? (await tx.trustedBrowser.deleteMany({})).count : 0;
    for (const n of names) {
      const f = SETTING_FIELDS[n] as unknown as Field<unknown>;
      const value = f.stored(after[n]);
      await tx.setting.upsert({ where: { key: f.key }, create: { key: f.key, value, updatedBy: adminId }, update: { value, updatedAt: now, updatedBy: adminId } });
    }
    const change = { before, after, forgottenTrustedBrowsers };
    return { value: change, audit: audited?.(change) };
  });
}

/**
 * What a save from one form of /admin/settings records, for savePolicySettings' `audited`: a
 * policy.changed event by `actorId` with the settings before and after (the rollout form: all of
 * them; another form: its group's) and, when some were, the trusted browsers forgotten (the audit
 * console says how many). None for a save that changes nothing (a second click, "Save" on an
 * untouched form).
 */
export function policyChangeAudit(group: SettingGroup, actorId: string, client?: Client) {
  const shown = (settings: PolicySettings) => (group === "rollout" ? settings : Object.fromEntries(SETTING_GROUPS[group].map((n) => [n, settings[n]])));
  return ({ before, after, forgottenTrustedBrowsers }: PolicyChange): AuditEntry | undefined => {
    const [was, is] = [shown(before), shown(after)];
    if (JSON.stringify(was) === JSON.stringify(is) && !forgottenTrustedBrowsers) return undefined;
    return { event: "policy.changed", actorId, client, details: { before: was, after: is, ...(forgottenTrustedBrowsers && { forgottenTrustedBrowsers }) } };
  };
}

/**
 * For a server's start: when trusted browsers are off (the saved setting, or with none saved
 * TWO_FACTOR_TRUSTED_BROWSER_DAYS at 0 or not set), forgets every trusted browser still stored,
 * as the rollout form does when it turns them off. Rows can be left only by the environment
 * variable going from a number of days to 0 across a restart, and would come back into force when
 * it goes back up (30 → 0 → 30): after this, none of them does. Audited as policy.changed with no
 * actor and `source: "start"` (and the variable as it was) when some were forgotten. Returns how
 * many. Throws, having forgotten none, when the variable decides and is not a number of days (a
 * typo such as "30d" or "120" is not taken for "off"), and what the database throws.
 */
export async function forgetTrustedBrowsersWhileOff(): Promise<number> {
  const { key, env, schema } = SETTING_FIELDS.trustedBrowserDays;
  const variable = process.env[env]?.trim() || null;
  return reportedChange(async (tx) => {
    await lockSettings(tx);
    const saved = await tx.setting.findUnique({ where: { key } });
    if (!saved && variable !== null && !schema.safeParse(variable).success) {
      throw new Error(`${env}=${JSON.stringify(variable)} is not a number of days from 0 to 90: trusted browsers left as they are`);
    }
    if ((await policySettings(tx)).trustedBrowserDays !== 0) return { value: 0 };
    const forgotten = (await tx.trustedBrowser.deleteMany({})).count;
    if (!forgotten) return { value: 0 };
    return { value: forgotten, audit: { event: "policy.changed", details: { after: { trustedBrowserDays: 0 }, forgottenTrustedBrowsers: forgotten, source: "start", ...(!saved && { [env]: variable }) } } };
  });
}

// Any number: the key of the lock every save of the settings takes (PostgreSQL advisory locks are per database).
const SETTINGS_LOCK = 7_237_353;

/**
 * Makes two saves of the settings wait for each other, through `tx` (first in its transaction):
 * each one writes every setting from the values it read, so the second must read what the first
 * saved. PostgreSQL (read committed) would otherwise let it write back the values it read before
 * the first committed: the first admin's change lost, with its audit event kept. SQLite: takes
 * the write lock at once (one transaction per connection already waits for the other); reading
 * first would make another instance's commit in between fail the save with SQLITE_BUSY_SNAPSHOT.
 * `reading`: for a change that depends on a setting (lib/auth/trusted-browser.ts), which waits
 * for a save in progress but not, on PostgreSQL, for another such change (a shared lock).
 * Released at commit or rollback.
 */
export async function lockSettings(tx: Tx, { reading = false } = {}): Promise<void> {
  if (isPostgres()) await tx.$executeRawUnsafe(`SELECT ${reading ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock"}(${SETTINGS_LOCK})`);
  else await tx.$executeRawUnsafe(`UPDATE "Setting" SET "key" = "key" WHERE 0`);
}

/** The day the rollout was announced: the setting, or the first reminder's day before the date. */
export function announcementDay(settings: PolicySettings): string {
  return settings.announcedOn || addDays(settings.requiredFrom, -Math.max(...settings.reminderDays));
}
