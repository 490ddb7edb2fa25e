// Auth.js (next-auth v5) configuration: the only module that imports next-auth.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Facebook from "next-auth/providers/facebook";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { authLogger } from "@/lib/auth/logger";
import { authSecret, facebookConfigured, trustedProxyHops } from "@/lib/env";
import { checkCredentials, findUserForOAuth } from "@/lib/auth/credentials";
import { endSessionsOf } from "@/lib/auth/sessions";
import { signInSchema } from "@/lib/validation/auth";

class WrongCredentials extends CredentialsSignin {
  code = "credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

// Sessions last 8 hours; the role is re-read from the database on every request by the DAL,
// so a role change takes effect at once whatever the token says.
const SESSION_MAX_AGE = 8 * 60 * 60;

// The connection's peer (or the trusted proxy's entry), never what the client wrote.
function clientAddress(request: Request | undefined): string {
  return clientAddressFrom(request?.headers ?? new Headers(), trustedProxyHops());
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  // A wrong password or a garbage cookie is the visitor's doing: no stack trace in the logs.
  logger: authLogger,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new WrongCredentials();
        const result = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request));
        if (result.status === "throttled") throw new TooManyAttempts();
        if (result.status !== "ok") throw new WrongCredentials();
        return { id: String(result.user.id), name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
      },
    }),
    ...(facebookConfigured() ? [Facebook] : []),
  ],
  events: {
    // Every way out ends the account's sessions everywhere, in this one place: signOutAction's
    // signOut() and a POST to /api/auth/signout both come through here.
    async signOut(message) {
      if ("token" in message) await endSessionsOf(message.token);
    },
  },
  callbacks: {
    // Facebook sign-in only for people who already have an account with that email.
    async signIn({ account, user }) {
      if (account?.provider !== "facebook") return true;
      return Boolean(user.email && (await findUserForOAuth(user.email)));
    },
    async jwt({ token, user, account }) {
      if (account?.provider === "facebook" && user?.email) {
        const known = await findUserForOAuth(user.email);
        if (known) {
          token.uid = known.id;
          token.sv = known.sessionVersion;
        }
      } else if (user?.id) {
        token.uid = Number(user.id);
        // The session version at sign-in: the DAL refuses the token once the user's moves on.
        token.sv = (user as { sv?: number }).sv;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "number") (session.user as { uid?: number }).uid = token.uid;
      if (typeof token.sv === "number") (session.user as { sv?: number }).sv = token.sv;
      return session;
    },
  },
});
