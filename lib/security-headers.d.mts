// Types of security-headers.mjs (plain JS, imported by server.mjs under Node).
export function contentSecurityPolicy(nonce: string, dev?: boolean): string;
export function newNonce(): string;
export function wantsNonce(path: string, headers: Record<string, string | string[] | undefined>): boolean;
export const STATIC_SECURITY_HEADERS: Record<string, string>;
export const HSTS: string;
