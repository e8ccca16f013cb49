import { db } from "../db";
import { toPolicy, type PolicySettings } from "../settings";
import { requiredNowWhere } from "./audience";

/**
 * What saving `proposed` would do today: how many accounts the wizard stops at their next sign-in
 * now, and under the proposed settings (counted by the database).
 */
export async function previewPolicy(current: PolicySettings, proposed: PolicySettings, now = new Date()) {
  const [before, after] = await Promise.all([
    db.user.count({ where: requiredNowWhere(toPolicy(current), now) }),
    db.user.count({ where: requiredNowWhere(toPolicy(proposed), now) }),
  ]);
  return { before, after };
}
