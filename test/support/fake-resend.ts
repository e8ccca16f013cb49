// A local stand-in for the Resend HTTP API (POST /emails), so the real SDK is exercised in tests.
// GET /emails?to=… lists what was received; DELETE /emails forgets it.
import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";

export type ReceivedMail = { id: string; from: string; to: string[]; subject: string; text: string; html: string; authorization: string | undefined };

export function startFakeResend(port = 0): Promise<{ url: string; mails: ReceivedMail[]; server: Server; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/emails" && req.method === "GET") {
      const to = url.searchParams.get("to")?.toLowerCase();
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify(to ? mails.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : mails));
    }
    if (url.pathname === "/emails" && req.method === "DELETE") {
      mails.length = 0;
      return res.end("{}");
    }
    if (url.pathname === "/emails" && req.method === "POST") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        try {
          const m = JSON.parse(body);
          if (!m.from || !m.to || !m.subject) {
            res.statusCode = 422;
            return res.end(JSON.stringify({ name: "validation_error", message: "from, to and subject are required", statusCode: 422 }));
          }
          const id = randomUUID();
          mails.push({ id, from: m.from, to: [m.to].flat(), subject: m.subject, text: m.text ?? "", html: m.html ?? "", authorization: req.headers.authorization });
          res.end(JSON.stringify({ id }));
        } catch {
          res.statusCode = 400;
          res.end(JSON.stringify({ name: "invalid_json", message: "bad json", statusCode: 400 }));
        }
      });
      return;
    }
    res.statusCode = 404;
    res.end("{}");
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}`, mails, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
