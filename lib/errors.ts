// Expected failures the UI shows as messages; anything else is a surprise for error.tsx.

/** Raised by the data access layer when the caller may not do what they asked. */
export class ForbiddenError extends Error {
  constructor(message = "forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Raised when the caller is not signed in. */
export class UnauthenticatedError extends Error {
  constructor() {
    super("unauthenticated");
    this.name = "UnauthenticatedError";
  }
}

/** A rule of the product refused the request; `code` is a message key the UI translates. */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly values: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** True when the database could not be reached (connection refused, reset, timeout). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECT_TIMEOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|57P01|57P03|08006|08001|08003)$/.test(code)) return true;
    if (typeof message === "string" && /ECONNREFUSED|connection (terminated|ended|closed)|database system is (shutting down|starting up)/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
