// The one way to write a server action: authenticate, check the role, parse the input with zod,
// then hand the handler a typed input and the user. Expected failures come back as a result the
// form shows next to its fields; surprises throw to error.tsx.
import "server-only";
import { z } from "zod";
import type { Role } from "@/db/schema";
import { assertRole, currentCaller, type UserCaller } from "@/lib/dal/session";
import { DomainError, ForbiddenError, UnauthenticatedError, isDatabaseUnavailable } from "@/lib/errors";
import { UNSAFE_TEXT, unsafeTextPaths } from "@/lib/validation/safe-text";

import type { ActionResult, FieldErrors } from "./types";
export type { ActionResult, FieldErrors } from "./types";

export type ActionInput = FormData | Record<string, unknown> | undefined;

/** FormData → plain object; a key sent several times becomes an array. */
export function formDataToObject(input: ActionInput): Record<string, unknown> {
  if (!input) return {};
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = input.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = key.endsWith("[]") ? all : all.length > 1 ? all : all[0];
  }
  return out;
}

function withoutSecrets(raw: Record<string, unknown>): Record<string, unknown> {
  const { password: _password, ...rest } = raw;
  void _password;
  return rest;
}

/** Turns zod issues into { field: ["validation.key"] } with dotted paths ("milestones.0.threshold"). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    const message = issue.message.includes(".") ? issue.message : `validation.${issue.message}`;
    (fieldErrors[key] ??= []).push(message);
  }
  return fieldErrors;
}

/** Maps a thrown error to a result when it is an expected failure; rethrows surprises. */
export function failureFrom(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof UnauthenticatedError) return { ok: false, message: "errors.unauthenticated" };
  if (error instanceof ForbiddenError) return { ok: false, message: "errors.forbidden" };
  if (error instanceof DomainError) return { ok: false, message: error.code, values: error.values };
  if (isDatabaseUnavailable(error)) return { ok: false, message: "errors.database_unavailable" };
  throw error;
}

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, caller: UserCaller) => Promise<ActionResult<T>>;
type PublicHandler<S extends z.ZodType, T> = (input: z.infer<S>, caller: UserCaller | null) => Promise<ActionResult<T>>;

async function runAction<S extends z.ZodType, T>(
  roles: readonly Role[] | null,
  schema: S,
  handler: PublicHandler<S, T>,
  input: ActionInput,
): Promise<ActionResult<T>> {
  const raw = formDataToObject(input);
  try {
    // The caller is minted once here and handed down: the DAL checks its role, never the session again.
    const caller = roles ? await assertRole(roles) : await currentCaller();
    // Any field, whatever its schema: a NUL or lone surrogate is a field error, never a 500.
    const unsafe = unsafeTextPaths(raw);
    if (unsafe.length > 0) {
      return { ok: false, message: "errors.invalid_input", fieldErrors: Object.fromEntries(unsafe.map((p) => [p, [UNSAFE_TEXT]])), input: withoutSecrets(raw) };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, message: "errors.invalid_input", fieldErrors: toFieldErrors(parsed.error), input: withoutSecrets(raw) };
    }
    const result = await handler(parsed.data, caller);
    return result.ok || result.input ? result : { ...result, input: withoutSecrets(raw) };
  } catch (error) {
    const failure = failureFrom(error);
    return failure.ok ? failure : { ...failure, input: withoutSecrets(raw) };
  }
}

/** An action for the given roles; the handler receives the parsed input and the caller. */
export function roleAction<S extends z.ZodType, T = undefined>(roles: readonly Role[], schema: S, handler: Handler<S, T>) {
  return async function action(_previous: ActionResult<T> | null | undefined, input: ActionInput): Promise<ActionResult<T>> {
    return runAction(roles, schema, (parsed, caller) => handler(parsed, caller!), input);
  };
}

/** For the few actions open to anyone (sign-in, language): parse with zod, no role; the caller if signed in. */
export function publicAction<S extends z.ZodType, T = undefined>(schema: S, handler: PublicHandler<S, T>) {
  return async function action(_previous: ActionResult<T> | null | undefined, input: ActionInput): Promise<ActionResult<T>> {
    return runAction(null, schema, handler, input);
  };
}
