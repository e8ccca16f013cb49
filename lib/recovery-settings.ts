import { z } from "zod";
import { db } from "./db";

// Support recovery's rollout settings, kept apart from the cutoff date and grace (lib/settings.ts).
const KEYS = { maxCodeHours: "recovery.max_code_hours", secondAdmin: "recovery.second_admin" } as const;

export const DEFAULT_MAX_CODE_HOURS = 8;
/** The longest lifetime an admin may set as the maximum: a code is a stopgap, not a factor. */
export const MAX_CODE_HOURS_LIMIT = 72;
export const SECOND_ADMIN_MODES = ["auto", "on", "off"] as const;
export type SecondAdminMode = (typeof SECOND_ADMIN_MODES)[number];

const MaxCodeHours = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(1).max(MAX_CODE_HOURS_LIMIT));
const SecondAdmin = z.enum(SECOND_ADMIN_MODES);

export const RecoverySettingsInput = z.object({ maxCodeHours: MaxCodeHours, secondAdmin: SecondAdmin });
export type RecoverySettings = z.infer<typeof RecoverySettingsInput>;

/** The stored settings, or their defaults (8 hours; "auto": a second admin when there are two or more). */
export async function recoverySettings(): Promise<RecoverySettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(KEYS) } } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const hours = MaxCodeHours.safeParse(stored[KEYS.maxCodeHours]);
  const mode = SecondAdmin.safeParse(stored[KEYS.secondAdmin]);
  return { maxCodeHours: hours.success ? hours.data : DEFAULT_MAX_CODE_HOURS, secondAdmin: mode.success ? mode.data : "auto" };
}

/** Admins able to approve (role admin with 2FA on). */
export function countAdmins(): Promise<number> {
  return db.user.count({ where: { role: "admin", twoFactorEnabledAt: { not: null } } });
}

/** Whether support recovery (a code or a reset) waits for a second admin: "auto" means when there are two or more admins. */
export async function needsSecondAdmin(settings?: RecoverySettings): Promise<boolean> {
  const { secondAdmin } = settings ?? (await recoverySettings());
  if (secondAdmin !== "auto") return secondAdmin === "on";
  return (await countAdmins()) >= 2;
}

/** Saves both settings; returns what changed, for the audit trail. */
export async function saveRecoverySettings(input: RecoverySettings, adminId: string) {
  const before = await recoverySettings();
  const now = new Date();
  const values = { [KEYS.maxCodeHours]: String(input.maxCodeHours), [KEYS.secondAdmin]: input.secondAdmin };
  await db.$transaction(
    Object.entries(values).map(([key, value]) => db.setting.upsert({ where: { key }, create: { key, value, updatedBy: adminId }, update: { value, updatedAt: now, updatedBy: adminId } })),
  );
  return { before, after: input };
}
