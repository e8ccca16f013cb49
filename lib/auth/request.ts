import { BlockList, isIP } from "node:net";
import { config } from "../config";
import type { Client } from "./sessions";

let trusted: { source: string; list: BlockList } | undefined;

// TRUSTED_PROXIES: addresses and CIDR ranges, separated by commas or spaces (IPv4 and IPv6).
function trustedProxies(source: string): BlockList {
  if (trusted?.source === source) return trusted.list;
  const list = new BlockList();
  for (const entry of source.split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  trusted = { source, list };
  return list;
}

/** An address as written in X-Forwarded-For, plain: IPv4-mapped IPv6 as IPv4; null if it is none. */
function plain(entry: string | undefined): string | null {
  const address = entry?.trim().replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return address && isIP(address) ? address : null;
}



/**
 * Who sent the request: its address and user agent. The address is read from X-Forwarded-For
 * from the right, the way RFC 7239 §5.2 and the OWASP guidance ask: its last entry is the
 * socket's address (appended by scripts/client-address.cjs, preloaded into `next start`); each
 * entry written by a proxy listed in TRUSTED_PROXIES is skipped, and the first address that no
 * trusted proxy vouches for is the client's. Nothing a client writes is believed otherwise.
 * `proxies` (default TRUSTED_PROXIES, checked by lib/config.ts) lists the trusted addresses and ranges.
 */
export function clientOf(headers: Headers, proxies = config().TRUSTED_PROXIES ?? ""): Client {
  const list = trustedProxies(proxies);
  const isTrusted = (address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
  const chain = (headers.get("x-forwarded-for") ?? "").split(",");
  let i = chain.length - 1;
  let ip = plain(chain[i]);
  while (ip && i > 0 && isTrusted(ip)) {
    const next = plain(chain[--i]);
    if (!next) break;
    ip = next;
  }
  return { ip, userAgent: headers.get("user-agent") };
}
