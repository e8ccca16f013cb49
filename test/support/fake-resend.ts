// A local stand-in for the Resend HTTP API (POST /emails), so the real SDK is exercised in tests.
// GET /emails?to=… lists what was received; DELETE /emails forgets it.
// Like Resend, a repeated Idempotency-Key answers the first result again without a second mail.
// It fails on demand, like a real provider on a bad day:
//   - for everyone: `setMode("500" | "429" | "hang" | "lost" | "ok")`, or POST /_control {"mode": …};
//   - per recipient: POST /_control {"to": "a@b", "plan": ["500", "429", "hang"]}: each new message
//     to that address meets those answers in turn, then is accepted (tests running side by side
//     on one server do not disturb each other).
// "422" refuses the message for good (nothing to retry); "429" answers with Retry-After (seconds, `retryAfter`, default 1); "hang" never answers (until
// the mode changes or the server closes); "lost" accepts the mail and then never answers, as when
// the answer is lost on the way back.
import { createServer, type ServerResponse, type Server } from "node:http";
import { randomUUID } from "node:crypto";

export type ReceivedMail = { id: string; from: string; to: string[]; subject: string; text: string; html: string; authorization: string | undefined; idempotencyKey?: string };
export type Failure = "500" | "429" | "hang" | "lost" | "422";
export type Mode = Failure | "ok";

export type FakeResend = {
  url: string;
  mails: ReceivedMail[];
  /** Every POST /emails received, accepted or not. */
  requests: { to: string[]; idempotencyKey?: string; answer: Mode }[];
  server: Server;
  setMode: (mode: Mode, retryAfter?: number) => void;
  close: () => Promise<void>;
};

export function startFakeResend(port = 0): Promise<FakeResend> {
  const mails: ReceivedMail[] = [];
  const requests: FakeResend["requests"] = [];
  const answered = new Map<string, { status: number; body: string }>();
  const plans = new Map<string, Failure[]>();
  // Attempts so far per message (recipient + key), to walk through that recipient's plan.
  const tries = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  let mode: Mode = "ok";
  let retryAfter = 1;

  const setMode = (next: Mode, seconds = 1) => {
    mode = next;
    retryAfter = seconds;
    // Leaving "hang": the requests left hanging are cut, as a provider's timeout would.
    if (next !== "hang" && next !== "lost") for (const res of hanging) res.destroy();
    if (next !== "hang" && next !== "lost") hanging.clear();
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (url.pathname === "/_control" && req.method === "POST") {
        const c = JSON.parse(body || "{}") as { mode?: Mode; retryAfter?: number; to?: string; plan?: Failure[] };
        if (c.to) plans.set(c.to.toLowerCase(), c.plan ?? []);
        if (c.mode) setMode(c.mode, c.retryAfter);
        return json(res, 200, { mode });
      }
      if (url.pathname === "/_control" && req.method === "GET") {
        const to = url.searchParams.get("to")?.toLowerCase();
        return json(res, 200, { mode, requests: to ? requests.filter((r) => r.to.some((t) => t.toLowerCase() === to)) : requests });
      }
      if (url.pathname === "/emails" && req.method === "GET") {
        const to = url.searchParams.get("to")?.toLowerCase();
        return json(res, 200, to ? mails.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : mails);
      }
      if (url.pathname === "/emails" && req.method === "DELETE") {
        mails.length = 0;
        requests.length = 0;
        return json(res, 200, {});
      }
      if (url.pathname === "/emails" && req.method === "POST") return receive(req.headers, body, res);
      json(res, 404, {});
    });
  });

  function receive(headers: Record<string, string | string[] | undefined>, body: string, res: ServerResponse) {
    let m: { from?: string; to?: string | string[]; subject?: string; text?: string; html?: string };
    try {
      m = JSON.parse(body);
    } catch {
      return json(res, 400, { name: "invalid_json", message: "bad json", statusCode: 400 });
    }
    const to = [m.to ?? []].flat();
    const key = typeof headers["idempotency-key"] === "string" ? headers["idempotency-key"] : undefined;
    const plan = plans.get(to[0]?.toLowerCase() ?? "");
    const attempt = `${to[0]?.toLowerCase()}|${key ?? randomUUID()}`;
    const n = tries.get(attempt) ?? 0;
    tries.set(attempt, n + 1);
    const answer: Mode = plan ? (plan[n] ?? "ok") : mode;
    requests.push({ to, idempotencyKey: key, answer });
    if (key && answered.has(key)) {
      const first = answered.get(key)!;
      return json(res, first.status, first.body);
    }
    if (answer === "422") return json(res, 422, { name: "validation_error", message: "The address is not accepted", statusCode: 422 });
    if (answer === "500") return json(res, 500, { name: "internal_server_error", message: "Something went wrong", statusCode: 500 });
    if (answer === "429") return json(res, 429, { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }, { "retry-after": String(retryAfter) });
    if (answer === "hang") {
      hanging.add(res);
      return;
    }
    if (!m.from || !m.to || !m.subject) return json(res, 422, { name: "validation_error", message: "from, to and subject are required", statusCode: 422 });
    const id = randomUUID();
    mails.push({ id, from: m.from, to, subject: m.subject, text: m.text ?? "", html: m.html ?? "", authorization: headers.authorization as string | undefined, idempotencyKey: key });
    const reply = JSON.stringify({ id });
    if (key) answered.set(key, { status: 200, body: reply });
    if (answer === "lost") {
      hanging.add(res);
      return;
    }
    json(res, 200, reply);
  }

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        mails,
        requests,
        server,
        setMode,
        close: () => {
          for (const res of hanging) res.destroy();
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}
