// The authorization matrix: every page, route handler and server action, and who may use it.
// lib/authz/matrix.test.ts fails when a route or action exists that is not listed here;
// e2e/authorization.spec.ts and lib/authz/actions.int.test.ts call each one as every role.
// The checks themselves live in lib/dal (requireRole / assertRole); this table is the spec.
import type { Role } from "@/db/schema";

/** "public": anyone; "signature": signed by the platform (HMAC), no session; else the roles. */
export type Access = "public" | "signature" | readonly Role[];

const CREATOR = ["creator"] as const;
const STAFF = ["staff", "admin"] as const;
const MARKETING = ["marketing", "admin"] as const;
const ADMIN = ["admin"] as const;

/**
 * A concrete URL to request in tests. For a creator's own records the id is found at test time:
 * `discover` names a listing page and the first link on it that matches `pattern` is used.
 */
export type Sample = { sample: string; discover?: { from: string; as: Role; pattern: string; append?: string } };

/** Pages by route pattern. */
export const PAGES: Record<string, { access: Access } & Sample> = {
  "/": { access: "public", sample: "/" },
  "/login": { access: "public", sample: "/login" },
  // An invitation's one-time link: the token is the credential; an unknown one shows a page.
  "/invite/[token]": { access: "public", sample: "/invite/not-a-real-token" },
  "/creator": { access: CREATOR, sample: "/creator" },
  "/creator/challenges": { access: CREATOR, sample: "/creator/challenges" },
  "/creator/challenges/[id]": { access: CREATOR, sample: "/creator/challenges/1" },
  "/staff/payouts": { access: STAFF, sample: "/staff/payouts" },
  "/marketing/challenges": { access: MARKETING, sample: "/marketing/challenges" },
  "/admin/users": { access: ADMIN, sample: "/admin/users" },
  "/creator/payouts": { access: CREATOR, sample: "/creator/payouts" },
  // Statements: ownership is in the query, so another creator's payout is a 404 (tested there).
  "/creator/payouts/[id]": {
    access: CREATOR,
    sample: "/creator/payouts/1",
    discover: { from: "/creator/payouts", as: "creator", pattern: "^/creator/payouts/\\d+$" },
  },
  "/staff/payouts/[id]": { access: STAFF, sample: "/staff/payouts/1" },
  "/staff/payouts/[id]/statement": { access: STAFF, sample: "/staff/payouts/1/statement" },
  "/staff/audit": { access: STAFF, sample: "/staff/audit" },
  "/marketing/challenges/new": { access: MARKETING, sample: "/marketing/challenges/new" },
  "/marketing/challenges/[id]": { access: MARKETING, sample: "/marketing/challenges/1" },
  "/marketing/challenges/[id]/edit": { access: MARKETING, sample: "/marketing/challenges/1/edit" },
  "/marketing/challenges/[id]/preview": { access: MARKETING, sample: "/marketing/challenges/1/preview" },
  "/creator/shop": { access: CREATOR, sample: "/creator/shop" },
  "/creator/shop/products/[id]": { access: CREATOR, sample: "/creator/shop/products/1" },
  "/creator/earnings": { access: CREATOR, sample: "/creator/earnings" },
  "/staff/rates": { access: STAFF, sample: "/staff/rates" },
  // A creator's public storefront: followers open it without an account.
  "/c/[handle]": { access: "public", sample: "/c/demo.creator" },
  // The bench's shell row (404 unless BENCH_ROUTES=1): a heading inside the creator's layout.
  "/creator/bench-shell": { access: CREATOR, sample: "/creator/bench-shell" },
};

/** Route handlers by route pattern and method. */
export const ROUTE_HANDLERS: Record<string, { methods: Partial<Record<"GET" | "POST", Access>> } & Sample> = {
  "/api/auth/[...nextauth]": { methods: { GET: "public", POST: "public" }, sample: "/api/auth/session" },
  "/api/health": { methods: { GET: "public" }, sample: "/api/health" },
  "/api/events": { methods: { POST: "signature" }, sample: "/api/events" },
  "/api/export/payouts.csv": { methods: { GET: STAFF }, sample: "/api/export/payouts.csv" },
  "/creator/payouts/[id]/statement.csv": {
    methods: { GET: CREATOR },
    sample: "/creator/payouts/1/statement.csv",
    discover: { from: "/creator/payouts", as: "creator", pattern: "^/creator/payouts/\\d+$", append: "/statement.csv" },
  },
  "/staff/payouts/[id]/statement.csv": { methods: { GET: STAFF }, sample: "/staff/payouts/1/statement.csv" },
  "/api/orders": { methods: { POST: "signature" }, sample: "/api/orders" },
  "/api/export/earnings.csv": { methods: { GET: CREATOR }, sample: "/api/export/earnings.csv" },
  "/api/export/audit.csv": { methods: { GET: STAFF }, sample: "/api/export/audit.csv" },
  // Affiliate links as followers click them; the sample is one of the demo creator's seeded codes.
  "/r/[code]": { methods: { GET: "public" }, sample: "/r/ovm7tu0z" },
  // The bench's floor (404 unless BENCH_ROUTES=1): a heading, no data.
  "/bench-bare": { methods: { GET: "public" }, sample: "/bench-bare" },
};

/** Server actions by "<file under app/>#<export>". */
export const SERVER_ACTIONS: Record<string, Access> = {
  "app/actions.ts#setLocaleAction": "public",
  "app/actions.ts#signOutAction": "public",
  "app/(auth)/login/actions.ts#signInAction": "public",
  "app/(auth)/login/actions.ts#facebookSignInAction": "public",
  "app/creator/challenges/actions.ts#enrollAction": CREATOR,
  "app/creator/challenges/actions.ts#withdrawAction": CREATOR,
  "app/creator/actions.ts#dismissAwardsAction": CREATOR,
  "app/staff/payouts/actions.ts#runPayoutsAction": STAFF,
  "app/staff/payouts/actions.ts#approvePayoutAction": STAFF,
  "app/staff/payouts/actions.ts#holdPayoutAction": STAFF,
  "app/staff/payouts/actions.ts#rejectPayoutAction": STAFF,
  "app/staff/payouts/actions.ts#markPayoutPaidAction": STAFF,
  "app/admin/users/actions.ts#changeRoleAction": ADMIN,
  "app/admin/users/actions.ts#setUserDisabledAction": ADMIN,
  "app/admin/users/invite-actions.ts#inviteUserAction": ADMIN,
  "app/admin/users/invite-actions.ts#revokeInvitationAction": ADMIN,
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": "public",
  "app/marketing/challenges/actions.ts#saveChallengeAction": MARKETING,
  "app/marketing/challenges/actions.ts#changeStatusAction": MARKETING,
  "app/marketing/challenges/actions.ts#endEarlyAction": MARKETING,
  "app/creator/shop/actions.ts#createOwnProductAction": CREATOR,
  "app/creator/shop/actions.ts#updateOwnProductAction": CREATOR,
  "app/creator/shop/actions.ts#unlinkOwnProductAction": CREATOR,
  "app/creator/shop/actions.ts#relinkOwnProductAction": CREATOR,
  "app/creator/shop/actions.ts#promoteAction": CREATOR,
  "app/staff/rates/actions.ts#addRateAction": STAFF,
};

export const ROLES: readonly Role[] = ["creator", "staff", "marketing", "admin"];

export function allows(access: Access, role: Role | null): boolean {
  if (access === "public" || access === "signature") return true;
  return role !== null && access.includes(role);
}
