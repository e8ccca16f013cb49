import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "../config";
import { logger } from "../logger";
import { clientOf } from "./request";
import { redeemTicket } from "./sessions";

declare module "next-auth" {
  interface Session {
    sid?: string;
    user: DefaultSession["user"];
  }
  interface User {
    sessionId?: string;
  }
}

// next-auth only carries the session cookie. The one credential it accepts is a ticket that
// lib/auth/sign-in.ts issues after every factor was checked, so a password alone never gets here.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A forged request (no CSRF token, a bad callback) is one line in the log, not a stack trace.
  logger: {
    error: (error) => logger.warn({ auth: (error as { type?: string }).type ?? error.name, message: error.message.split("\n")[0] }, "auth request refused"),
    warn: (code) => logger.warn({ auth: code }, "auth warning"),
    debug: () => {},
  },
  session: { strategy: "jwt", maxAge: config().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        const redeemed = await redeemTicket(credentials?.ticket, clientOf(request.headers));
        return redeemed ? { id: redeemed.userId, sessionId: redeemed.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});
