// Which top-level namespaces of the catalog the browser gets (lib/i18n/client-messages.ts):
// what every page's client components may need, and what each area's forms and buttons use,
// including the message keys its actions answer with (an area's provider adds its own to the
// common ones: lib/i18n/client.tsx). client-namespaces.test.ts checks every
// client component of an area against its list.
export const COMMON_CLIENT_NAMESPACES = ["app", "roles", "nav", "login", "forbidden", "notFound", "error", "errors", "validation", "placeholder", "trust", "invite"] as const;

export const AREA_CLIENT_NAMESPACES = {
  creator: ["challenges", "shop"],
  staff: ["payouts", "rates"],
  marketing: ["marketing"],
  admin: ["admin"],
} as const;

export type Area = keyof typeof AREA_CLIENT_NAMESPACES;
