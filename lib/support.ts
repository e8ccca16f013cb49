import { record } from "./audit";
import { revokeSessions, type Client } from "./auth/sessions";
import { sendMail } from "./mail/send";
import { renderMail } from "./mail/templates";
import { removeSecondFactor } from "./two-factor/manage";
import { unlock } from "./two-factor/throttle";
import type { Account } from "./users";

// What support does to someone else's account, from the dashboard or the command line: each
// acts, records who did it (an admin, or none for the command line) and tells the user by mail.
type By = { actorId?: string; client: Client };

/** For someone who lost their phone: the secret and recovery codes go, the user enrolls again. */
export async function resetTwoFactor(user: Account, reason: string, by: By & { verification?: string[] }) {
  const signedOut = await removeSecondFactor(user.id);
  await record({ event: "two_factor.reset", userId: user.id, actorId: by.actorId, client: by.client, details: { verification: by.verification, reason } });
  await sendMail(renderMail("twoFactorReset", user, { reason }));
  return { signedOut };
}

/** Lifts the lock that 100 wrong codes in a row put on the account. */
export async function unlockTwoFactor(user: Account, by: By) {
  await unlock(user.id);
  await record({ event: "two_factor.unlocked", userId: user.id, actorId: by.actorId, client: by.client });
  await sendMail(renderMail("twoFactorUnlocked", user));
}

export async function signOutEverywhere(user: Account, by: By) {
  const signedOut = await revokeSessions(user.id);
  await record({ event: "sign_out_everywhere", userId: user.id, actorId: by.actorId, client: by.client, details: { sessions: signedOut } });
  await sendMail(renderMail("signedOutEverywhere", user));
  return { signedOut };
}
