"use client";

import { useSyncExternalStore } from "react";

// The browser half of WebAuthn (SimpleWebAuthn), loaded after the page shows: the sign-in's second
// step and the wizard do not wait for it (first-load JavaScript, npm run bench), and it is in
// the browser's cache long before anyone presses a passkey button.
const library = () => import("@simplewebauthn/browser");
type Library = Awaited<ReturnType<typeof library>>;

// Whether this browser can use WebAuthn, once the library told: kept for the page's life, so a
// dialog opened later says the right thing from its first render. The server, and the page's
// first render in the browser (hydration), do not know yet.
let known: boolean | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (known === null && listeners.size === 1) {
    const settle = (value: boolean) => {
      known = value;
      for (const notify of listeners) notify();
    };
    // An insecure origin other than localhost has no WebAuthn; a library that cannot be loaded, none either.
    library().then(
      (webauthn) => settle(webauthn.browserSupportsWebAuthn() && window.isSecureContext),
      () => settle(false),
    );
  }
  return () => listeners.delete(listener);
}

/** Whether this browser can use WebAuthn here (null until known: only the browser can tell; false when the library cannot be loaded). */
export function useWebAuthn(): boolean | null {
  return useSyncExternalStore(subscribe, () => known, () => null);
}

/** navigator.credentials.get() with the server's options (WebAuthn L3 §5.1.4), through SimpleWebAuthn; throws what it throws (a cancel, a refusal). */
export const startAuthentication: Library["startAuthentication"] = async (options) => (await library()).startAuthentication(options);

/** navigator.credentials.create() with the server's options (WebAuthn L3 §5.1.3), through SimpleWebAuthn; throws what it throws. */
export const startRegistration: Library["startRegistration"] = async (options) => (await library()).startRegistration(options);

/**
 * What to say when the browser's ceremony ends without a passkey: an authenticator that already
 * holds one of the account's passkeys (the options exclude them) is told apart from a cancel.
 */
export function ceremonyFailure(error: unknown): "errors.taken" | "cancelled" {
  return (error as { code?: unknown } | null)?.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" ? "errors.taken" : "cancelled";
}
