import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Client } from "./auth/sessions";
import { db } from "./db";
import { renderMail } from "./mail/templates";
import type { Account } from "./users";
import { reportedChange } from "./reported-change";

export const ResetRequestInput = z.object({
  fullName: z.string().trim().min(1, "lostAccess.errors.fullName").max(200, "lostAccess.errors.tooLong"),
  organisation: z.string().trim().min(1, "lostAccess.errors.organisation").max(200, "lostAccess.errors.tooLong"),
  explanation: z.string().trim().min(1, "lostAccess.errors.explanation").max(2000, "lostAccess.errors.tooLong"),
  phone: z.string().trim().regex(/^\+?[0-9 ()./-]{6,30}$/, "lostAccess.errors.phone"),
});

// No 0/O, 1/I/L: a reference read out over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A new case reference, "R-" and six symbols (about 30 bits: unique enough; the column is unique too). */
export function newReference(): string {
  return `R-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join("")}`;
}

/** Files a request for support to reset the user's second factor (with its audit event and mail, in one transaction); one open request per account. */
export async function fileResetRequest(user: Account, input: z.infer<typeof ResetRequestInput>, client: Client) {
  const open = await db.resetRequest.findFirst({ where: { userId: user.id, status: "open" } });
  if (open) return { created: false, reference: open.reference };
  const reference = newReference();
  await reportedChange(async (tx) => {
    const request = await tx.resetRequest.create({
      data: { ...input, reference, userId: user.id, email: user.email, ip: client.ip?.slice(0, 64), userAgent: client.userAgent?.slice(0, 512) },
    });
    return {
      value: null,
      audit: { event: "reset_request.created", userId: user.id, client, details: { requestId: request.id, reference } },
      mail: renderMail("resetRequestReceived", user, { reference }),
    };
  });
  return { created: true, reference };
}
