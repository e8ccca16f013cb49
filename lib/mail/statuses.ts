// Shared with the admin's client components, so it imports nothing.
export const MAIL_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Templates that carry recovery codes: once redacted they are never sent again (the user regenerates instead). */
export const SECRET_KINDS: readonly string[] = ["twoFactorEnabled", "recoveryCodesRegenerated"];
