// Shared by the reset form and its server action: how support checked who asked for a 2FA reset.
export const IDENTITY_CHECKS = ["callback", "document", "accountAddress", "other"] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

export const RESET_REASON_MAX = 1000;
export const REQUEST_ANSWER_MAX = 2000;
