// Which top-level namespaces of the catalog the browser gets (lib/i18n/client-messages.ts):
// what every page's client components may need, and what each area's forms and buttons use,
// including the message keys its actions answer with (an area's provider adds its own to the
// common ones: lib/i18n/client.tsx). client-namespaces.test.ts checks every
// client component of an area against its list.
export const COMMON_CLIENT_NAMESPACES = ["app", "roles", "nav", "login", "forbidden", "notFound", "error", "errors", "validation", "placeholder", "trust", "invite"] as const;

// A key with a slash is a section of an area, with its own layout and provider: the creator's
// challenge and shop texts go only to those pages, not to every creator page (bench/NOTES.md 8b).
export const AREA_CLIENT_NAMESPACES = {
  creator: [],
  "creator/challenges": ["challenges"],
  "creator/shop": ["shop"],
  staff: ["payouts", "rates"],
  marketing: ["marketing"],
  admin: ["admin"],
} as const;

export type Area = keyof typeof AREA_CLIENT_NAMESPACES;
