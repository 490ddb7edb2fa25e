// Auth.js's error logger. Expected outcomes are not server errors: a wrong password logs nothing,
// an unreadable session cookie (garbage, or signed with another secret) one line. The rest keeps
// its stack trace.
export const authLogger = {
  error(error: Error) {
    const type = (error as { type?: string }).type ?? error.name;
    if (type === "CredentialsSignin") return;
    if (type === "JWTSessionError") {
      console.warn("auth: ignored an unreadable session cookie");
      return;
    }
    console.error(error);
  },
};
