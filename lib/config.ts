import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, extra] = entry.split("/");
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

// Every setting the product reads, with its default: README.md and .env.example list the same.
const Env = z.object({
  DATABASE_URL: z.string().min(1).default(`file:${resolve(process.cwd(), ".data/portal.db")}`),
  /** PostgreSQL only: `off` sends every query unnamed (for a pooler that cannot keep prepared statements). */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  APP_NAME: z.string().min(1).default("Mail-IT-Wize"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  /** A session unused this long is signed out (NIST SP 800-63B rev. 4, AAL2: at most 60 minutes). */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  /** How long a re-entered password (wizard, security settings) stays valid. */
  PASSWORD_CONFIRMATION_MINUTES: z.coerce.number().positive().default(10),
  RESEND_API_KEY: z.string().optional(),
  /** Proxies whose X-Forwarded-For entries are believed (addresses and CIDR ranges); unset: none. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((value) => (value ?? "").split(/[\s,]+/).filter(Boolean).every(isAddressOrRange), "a list of IP addresses or CIDR ranges"),
  MAIL_FROM: z.string().min(3).default("Mail-IT-Wize <no-reply@mail-it-wize.example>"),
  /** Outbox delivery: first retry after this many ms, doubling up to MAIL_RETRY_MAX_MS, for MAIL_GIVE_UP_AFTER_MS. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().positive().default(10_000),
  MAIL_RETRY_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
  MAIL_GIVE_UP_AFTER_MS: z.coerce.number().int().positive().default(24 * 3_600_000),
  /** How long one send to Resend may take before it counts as failed (the SDK has no timeout of its own). */
  MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** How often the server's deliverer looks for due mail, besides the nudge after each commit. */
  MAIL_POLL_MS: z.coerce.number().int().positive().default(5_000),
  /** `off` keeps the deliverer out of the server process (then run `npm run mail -- deliver` from cron). */
  MAIL_DELIVERER: z.enum(["on", "off"]).default("on"),
});

export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = Env.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function isPostgres(url = config().DATABASE_URL): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function sqlitePath(url = config().DATABASE_URL): string {
  return resolve(url.replace(/^file:/, ""));
}
