// Types of too-large.mjs (plain JS, imported by server.mjs under Node).
export const ACTION_BODY_LIMIT_BYTES: number;
export const TOO_LARGE_TEXT: string;
export const TOO_LARGE_KEY: "trust.errors.too_large";
export function actionBodyRefusal(method: string | undefined, url: string, headers: Record<string, string | string[] | undefined>): { status: 413; text: string } | null;
