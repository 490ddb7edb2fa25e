// The invitation's constants, without zod: the browser's forms import these, and zod (~30 KB
// gzip) stays on the server with the schemas in invite.ts.

/** Same list as INVITABLE_ROLES in lib/dal/invitations.ts (not "creator": they need a profile). */
export const INVITE_ROLES = ["staff", "marketing", "admin"] as const;

/** NIST SP 800-63B asks for at least 8; we ask for 12 since nothing else limits guesses offline. */
export const PASSWORD_MIN = 12;
