import { record } from "./audit";
import { revokeSessions, type Client } from "./auth/sessions";
import { db } from "./db";
import { nudgeDeliverer } from "./mail/deliverer";
import { enqueueMail } from "./mail/send";
import { renderMail } from "./mail/templates";
import { removeSecondFactor } from "./two-factor/manage";
import { unlock } from "./two-factor/throttle";
import type { Account } from "./users";

// What support does to someone else's account, from the dashboard or the command line: each
// acts, records who did it (an admin, or none for the command line) and queues a mail to the user,
// all in one transaction; the mail is delivered after it commits.
type By = { actorId?: string; client: Client };

/** For someone who lost their phone: the secret and recovery codes go, the user enrolls again. */
export async function resetTwoFactor(user: Account, reason: string, by: By & { verification?: string[] }) {
  const signedOut = await db.$transaction(async (tx) => {
    const signedOut = await removeSecondFactor(tx, user.id);
    await record({ event: "two_factor.reset", userId: user.id, actorId: by.actorId, client: by.client, details: { verification: by.verification, reason } }, tx);
    await enqueueMail(tx, renderMail("twoFactorReset", user, { reason }));
    return signedOut;
  });
  nudgeDeliverer();
  return { signedOut };
}

/** Lifts the lock that 100 wrong codes in a row put on the account. */
export async function unlockTwoFactor(user: Account, by: By) {
  await db.$transaction(async (tx) => {
    await unlock(user.id, tx);
    await record({ event: "two_factor.unlocked", userId: user.id, actorId: by.actorId, client: by.client }, tx);
    await enqueueMail(tx, renderMail("twoFactorUnlocked", user));
  });
  nudgeDeliverer();
}

export async function signOutEverywhere(user: Account, by: By) {
  const signedOut = await db.$transaction(async (tx) => {
    const signedOut = await revokeSessions(user.id, undefined, tx);
    await record({ event: "sign_out_everywhere", userId: user.id, actorId: by.actorId, client: by.client, details: { sessions: signedOut } }, tx);
    await enqueueMail(tx, renderMail("signedOutEverywhere", user));
    return signedOut;
  });
  nudgeDeliverer();
  return { signedOut };
}
