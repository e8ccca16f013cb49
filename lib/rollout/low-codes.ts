import { config } from "../config";
import type { Mail } from "../mail/send";
import { renderMail } from "../mail/templates";

/** At this many recovery codes left or fewer, the user is told (at sign-in and by mail) to make new ones. */
export const LOW_RECOVERY_CODES = 3;

/** True when `remaining` recovery codes are few enough to warn about. */
export function lowOnRecoveryCodes(remaining: number): boolean {
  return remaining <= LOW_RECOVERY_CODES;
}

/** Where one click leads to make new recovery codes: the security settings' form. */
export const regenerateLink = () => new URL("/settings/security#regenerate-title", config().APP_URL).toString();

/** The "few recovery codes left" mail, with the link to make new ones. */
export function lowCodesMail(user: { email: string; name: string; locale: string }, remaining: number): Mail {
  return renderMail("recoveryCodesLow", user, { remaining, link: regenerateLink() });
}
