import path from "node:path";

export const DEMO_PASSWORD = "demo-password";
export const DEMO = {
  creator: "creator@example.com",
  staff: "staff@example.com",
  // The second reviewer: payouts above the four-eyes limit need two different approvers.
  staff2: "staff2@example.com",
  marketing: "marketing@example.com",
  admin: "admin@example.com",
} as const;
export type DemoRole = keyof typeof DEMO;

/** Saved sign-in per role, written once by auth.setup.ts. */
export const storageState = (role: DemoRole) => path.join("playwright", ".auth", `${role}.json`);
