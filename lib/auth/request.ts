import type { Client } from "./sessions";

export function clientOf(headers: Headers): Client {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || headers.get("x-real-ip"), userAgent: headers.get("user-agent") };
}
