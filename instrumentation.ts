// Next.js calls register() once when a server process starts, before it serves: the mail
// deliverer runs in it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("./lib/config");
  const { MAIL_DELIVERER } = config();
  // Trusted browsers turned off by the environment variable since the last start: forgotten now,
  // so that turning it back on later trusts none of them (lib/settings.ts).
  const { forgetTrustedBrowsersWhileOff } = await import("./lib/settings");
  await forgetTrustedBrowsersWhileOff().catch(async (error: unknown) => {
    const { logger } = await import("./lib/logger");
    logger.error({ error: String(error) }, "trusted browsers: not forgotten at start");
  });
  if (MAIL_DELIVERER === "off") return;
  const { startDeliverer } = await import("./lib/mail/deliverer");
  startDeliverer();
}
