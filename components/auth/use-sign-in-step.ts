"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";

type Answer = { redirectTo?: string; reload?: boolean; problem?: { key: string } };

/**
 * Posts a sign-in form to its route handler (app/api/sign-in/*) and keeps what it answered, the
 * way useActionState keeps a server action's state. `url` is the handler; `initial` the first
 * state (a message brought back in the address after a post without JavaScript). Once the step
 * succeeded, the next page of the sign-in (/login/…) is fetched by the router (unless the answer
 * says `reload`: the page's language changed); any other page is
 * loaded anew, because a session was opened: every layout must see it, and the router may hold a
 * prefetch of that page from before (a redirect to /login). Returns [state, onSubmit, pending]. A request that got no answer (offline,
 * the server restarting) is shown as errors.offline, one refused before the step as errors.malformed:
 * in the user's language, like any other message of the form.
 */
export function useSignInStep<S extends Answer>(url: string, initial: S): [S, (event: FormEvent<HTMLFormElement>) => void, boolean] {
  const router = useRouter();
  const [state, setState] = useState<S>(initial);
  const [pending, setPending] = useState(false);
  // As after a form action: once an answer is shown, the form goes back to its defaults (a code
  // field empty for the next try, the email kept as the answer gives it back).
  const toReset = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    toReset.current?.reset();
    toReset.current = null;
  }, [state]);

  const inFlight = useRef(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One post at a time: a second submit (a double click, a script) is ignored until the answer.
    if (inFlight.current) return;
    inFlight.current = true;
    const form = event.currentTarget;
    setPending(true);
    let answer: S;
    let answered = false;
    try {
      const response = await fetch(url, { method: "POST", body: new FormData(form), headers: { accept: "application/json" } });
      // Not our JSON: refused before the step (a body over the size limit, a proxy's error page).
      const json = (response.headers.get("content-type") ?? "").includes("application/json");
      answer = json ? ((await response.json()) as S) : ({ problem: { key: "errors.malformed" } } as S);
      // The step itself answered (200); a refusal before it (403, 400, 413, 503) judged nothing typed.
      answered = json && response.ok;
    } catch {
      answer = { problem: { key: "errors.offline" } } as S;
    }
    if (answer.redirectTo?.startsWith("/")) {
      // Stays "pending" until the next page replaces this one.
      if (answer.redirectTo.startsWith("/login/") && !answer.reload) router.push(answer.redirectTo);
      else window.location.assign(answer.redirectTo);
      return;
    }
    // What was typed stays when the step never answered: nothing of it was refused.
    if (answered) toReset.current = form;
    inFlight.current = false;
    setState(answer);
    setPending(false);
  }

  return [state, (event) => void submit(event), pending];
}
