import { Resend } from "resend";
import { config } from "../config";

export type Outgoing = { id: string; to: string; subject: string; text: string; html: string };

/** What one attempt came to: sent, or an error that may be worth retrying (after `retryAfterMs` when the provider said so). */
export type Attempt =
  | { ok: true; providerId: string }
  | { ok: false; error: string; permanent: boolean; retryAfterMs?: number };

/** Delivers one message; must not throw (an exception counts as a retryable failure anyway). */
export type Transport = (message: Outgoing) => Promise<Attempt>;

// Resend answers these for a message that will never be accepted as it is; anything else may pass later.
const PERMANENT = new Set([400, 422]);

/** Seconds (or an HTTP date) of a Retry-After header, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Resend through its SDK (which reads RESEND_BASE_URL). Each message carries its outbox id as the
 * Idempotency-Key, so a retry after a lost answer never sends twice (Resend keeps keys 24 h), and
 * each send is aborted after MAIL_SEND_TIMEOUT_MS.
 */
export function resendTransport(apiKey: string, from = config().MAIL_FROM, timeoutMs = config().MAIL_SEND_TIMEOUT_MS): Transport {
  const resend = new Resend(apiKey);
  return async (message) => {
    const signal = AbortSignal.timeout(timeoutMs);
    // The race is a second guard: the SDK passes the signal to fetch, but nothing in it promises to stop.
    const timedOut = new Promise<Attempt>((resolve) =>
      signal.addEventListener("abort", () => resolve({ ok: false, error: `no answer within ${timeoutMs} ms`, permanent: false }), { once: true }),
    );
    const sent = resend.emails
      .send(
        { from, to: message.to, subject: message.subject, text: message.text, html: message.html },
        { idempotencyKey: `outbox-${message.id}`, signal },
      )
      .then(({ data, error, headers }): Attempt => {
        if (data?.id) return { ok: true, providerId: data.id };
        if (signal.aborted) return { ok: false, error: `no answer within ${timeoutMs} ms`, permanent: false };
        const status = error?.statusCode ?? null;
        const described = `${status ?? "no answer"}: ${error?.message ?? "no id returned"}`.slice(0, 500);
        const after = status === 429 ? retryAfterMs(headers?.["retry-after"]) : undefined;
        return { ok: false, error: described, permanent: status !== null && PERMANENT.has(status), ...(after !== undefined && { retryAfterMs: after }) };
      })
      .catch((error: unknown): Attempt => ({ ok: false, error: String((error as Error)?.message ?? error).slice(0, 500), permanent: false }));
    return Promise.race([sent, timedOut]);
  };
}

/** Without RESEND_API_KEY: the outbox itself is the mailbox that admins read at /admin/outbox. */
export const mailboxTransport: Transport = async (message) => ({ ok: true, providerId: `mailbox-${message.id}` });

/** Resend when RESEND_API_KEY is set, the dev mailbox otherwise. */
export function configuredTransport(): Transport {
  const { RESEND_API_KEY } = config();
  return RESEND_API_KEY ? resendTransport(RESEND_API_KEY) : mailboxTransport;
}
