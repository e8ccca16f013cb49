import { revokeSessions, type Client } from "./auth/sessions";
import { renderMail } from "./mail/templates";
import { reportedChange } from "./reported-change";
import { removeSecondFactor } from "./two-factor/manage";
import { unlock } from "./two-factor/throttle";
import type { Account } from "./users";

// What support does to someone else's account, from the dashboard or the command line: each
// acts, records who did it (an admin, or none for the command line) and queues a mail to the user,
// all in one transaction; the mail is delivered after it commits.
type By = { actorId?: string; client: Client };

/** For someone who lost their phone: the secret and recovery codes go, the user enrolls again. */
export async function resetTwoFactor(user: Account, reason: string, by: By & { verification?: string[] }) {
  const signedOut = await reportedChange(async (tx) => ({
    value: await removeSecondFactor(tx, user.id),
    audit: { event: "two_factor.reset", userId: user.id, actorId: by.actorId, client: by.client, details: { verification: by.verification, reason } },
    mail: renderMail("twoFactorReset", user, { reason }),
  }));
  return { signedOut };
}

/** Lifts the lock that 100 wrong codes in a row put on the account. */
export async function unlockTwoFactor(user: Account, by: By) {
  await reportedChange(async (tx) => ({
    value: await unlock(user.id, tx),
    audit: { event: "two_factor.unlocked", userId: user.id, actorId: by.actorId, client: by.client },
    mail: renderMail("twoFactorUnlocked", user),
  }));
}

export async function signOutEverywhere(user: Account, by: By) {
  const signedOut = await reportedChange(async (tx) => {
    const signedOut = await revokeSessions(user.id, undefined, tx);
    return {
      value: signedOut,
      audit: { event: "sign_out_everywhere", userId: user.id, actorId: by.actorId, client: by.client, details: { sessions: signedOut } },
      mail: renderMail("signedOutEverywhere", user),
    };
  });
  return { signedOut };
}
