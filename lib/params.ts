import { notFound } from "next/navigation";

const INT4_MAX = 2_147_483_647;

/**
 * The numeric id of a `[id]` route, or the 404 page: digits only (no sign, exponent, hex or
 * spaces), 1 up to PostgreSQL's `integer` maximum, so no query ever sees an id it cannot hold.
 */
export async function idParam(params: Promise<{ id: string }>): Promise<number> {
  return idOrNotFound((await params).id);
}

/** The same for an id already read from the route. */
export function idOrNotFound(raw: string): number {
  const id = parseId(raw);
  if (id === null) notFound();
  return id;
}

/** The id in `raw`, or null when it is not one. */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= INT4_MAX ? id : null;
}
