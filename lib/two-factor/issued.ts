import { randomBytes } from "node:crypto";
import { db } from "../db";
import { isId } from "../form";
import { decryptSecret, encryptSecret } from "./secrets";

// Results that exist once (new recovery codes) must reach the screen whatever else is submitted:
// a second submission of the same form (a double click, an extension calling requestSubmit())
// would otherwise be refused (its code was just used) and hide the first one's answer. Each form
// carries a submission id; what a submission issued is kept, encrypted and bound to the session,
// for a few minutes, and the same submission gets the same answer again instead of acting twice.
const KEEP_MS = 5 * 60_000;

/** A fresh id for a form that may issue a once-only result (base64url, 128 random bits). */
export function newSubmission(): string {
  return randomBytes(16).toString("base64url");
}

/** The answer this session's `submission` already got, if it was kept within the last 5 minutes; else null. */
export async function issuedBefore<T>(sessionId: string, submission: unknown, now = Date.now()): Promise<T | null> {
  if (!isId(submission)) return null;
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { issuedSubmission: true, issuedResult: true, issuedAt: true } });
  if (!session?.issuedResult || !session.issuedAt) return null;
  if (now - session.issuedAt.getTime() > KEEP_MS) {
    // Past its few minutes, the kept answer (recovery codes, encrypted) is dropped for good.
    await db.session.updateMany({ where: { id: sessionId }, data: { issuedSubmission: null, issuedResult: null, issuedAt: null } });
    return null;
  }
  if (session.issuedSubmission !== submission) return null;
  return JSON.parse(decryptSecret(session.issuedResult)) as T;
}

/** Keeps `answer` (JSON, encrypted with the 2FA key) as what this session's `submission` issued; one per session. */
export async function keepIssued(sessionId: string, submission: unknown, answer: unknown, now = Date.now()): Promise<void> {
  if (!isId(submission)) return;
  await db.session.updateMany({
    where: { id: sessionId },
    data: { issuedSubmission: submission, issuedResult: encryptSecret(JSON.stringify(answer)), issuedAt: new Date(now) },
  });
}
