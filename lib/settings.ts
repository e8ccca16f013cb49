import { z } from "zod";
import { isCalendarDay } from "./dates";
import { db } from "./db";
import type { Policy } from "./policy";

// The rollout policy: admins change it in the dashboard (stored here); the environment gives defaults.
const IsoDate = z.string().trim().refine(isCalendarDay);
// Digits only: an empty field must not read as 0 days.
const GraceDays = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(0).max(365));

const KEYS = { requiredFrom: "two_factor.required_from", graceDays: "two_factor.grace_days" } as const;

function defaults() {
  const from = IsoDate.safeParse(process.env.TWO_FACTOR_REQUIRED_FROM);
  const grace = GraceDays.safeParse(process.env.TWO_FACTOR_GRACE_DAYS ?? 0);
  return { requiredFrom: from.success ? from.data : "2025-05-05", graceDays: grace.success ? grace.data : 0 };
}

export type PolicySettings = { requiredFrom: string; graceDays: number };

export async function policySettings(): Promise<PolicySettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(KEYS) } } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const fallback = defaults();
  const from = IsoDate.safeParse(stored[KEYS.requiredFrom]);
  const grace = GraceDays.safeParse(stored[KEYS.graceDays]);
  return { requiredFrom: from.success ? from.data : fallback.requiredFrom, graceDays: grace.success ? grace.data : fallback.graceDays };
}

export function toPolicy(settings: PolicySettings): Policy {
  return { requiredFrom: new Date(`${settings.requiredFrom}T00:00:00Z`), graceDays: settings.graceDays };
}

export async function currentPolicy(): Promise<Policy> {
  return toPolicy(await policySettings());
}

export const PolicyInput = z.object({ requiredFrom: IsoDate, graceDays: GraceDays });

/** Saves the policy; returns what changed, for the audit trail. */
export async function savePolicySettings(input: PolicySettings, adminId: string) {
  const before = await policySettings();
  const now = new Date();
  await db.$transaction([
    db.setting.upsert({ where: { key: KEYS.requiredFrom }, create: { key: KEYS.requiredFrom, value: input.requiredFrom, updatedBy: adminId }, update: { value: input.requiredFrom, updatedAt: now, updatedBy: adminId } }),
    db.setting.upsert({ where: { key: KEYS.graceDays }, create: { key: KEYS.graceDays, value: String(input.graceDays), updatedBy: adminId }, update: { value: String(input.graceDays), updatedAt: now, updatedBy: adminId } }),
  ]);
  return { before, after: input };
}
