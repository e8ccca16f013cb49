// Next.js calls register() once when a server process starts: the mail deliverer runs in it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("./lib/config");
  if (config().MAIL_DELIVERER === "off") return;
  const { startDeliverer } = await import("./lib/mail/deliverer");
  startDeliverer();
}
