/** "?a=1&b=2" from the non-empty values, for links that change one parameter of a list's URL. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "" && value !== 0) search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : "";
}
