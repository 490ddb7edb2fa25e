type Catalog = { [key: string]: string | Catalog };

// Which namespaces of the catalog (or parts of one) the browser gets (lib/i18n/client-messages.ts):
// what every page's client components may need, and what each area's forms and buttons use,
// including the message keys its actions answer with (an area's provider adds its own to the
// common ones: lib/i18n/client.tsx). client-namespaces.test.ts checks every
// client component of an area, and every key its actions can answer with, against its list.
export const COMMON_CLIENT_NAMESPACES = ["app", "roles", "nav", "login", "forbidden", "notFound", "error", "errors", "validation", "placeholder", "trust", "invite"] as const;

// A key with a slash is a section of an area, with its own layout and provider: the creator's
// challenge and shop texts go only to those pages, not to every creator page (bench/NOTES.md 8b).
// A namespace with a dot is part of one: staff's client components and action answers use five
// parts of `payouts` (4.4 KB of its 12 KB; the rest is read by server components only).
export const AREA_CLIENT_NAMESPACES = {
  creator: [],
  "creator/challenges": ["challenges"],
  "creator/shop": ["shop"],
  staff: ["payouts.actions", "payouts.errors", "payouts.holdReasons", "payouts.run", "payouts.validation", "rates"],
  marketing: ["marketing"],
  admin: ["admin"],
} as const;

export type Area = keyof typeof AREA_CLIENT_NAMESPACES;

/** The catalog's parts named by `paths` ("nav", "payouts.run"), nested as in the catalog. */
export function pick(all: Catalog, paths: readonly string[]): Catalog {
  const picked: Catalog = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: Catalog | string | undefined = all;
    for (const part of parts) from = typeof from === "object" ? from[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of parts.slice(0, -1)) into = (into[part] ??= {}) as Catalog;
    into[parts[parts.length - 1]] = from;
  }
  return picked;
}
