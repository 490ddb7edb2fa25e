"use client";
// useActionState for forms, plus one expected failure that never reaches the action: a body over
// 1 MiB, refused by server.mjs with a 413. It becomes the form's message, not the error page.
import { useActionState } from "react";
import type { ActionResult } from "./types";
import { TOO_LARGE_KEY, TOO_LARGE_TEXT } from "./too-large.mjs";

type ServerAction<T> = (previous: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

export function useFormAction<T>(action: ServerAction<T>) {
  return useActionState<ActionResult<T> | null, FormData>(async (previous, input) => {
    try {
      return await action(previous, input);
    } catch (error) {
      if (error instanceof Error && error.message === TOO_LARGE_TEXT) return { ok: false, message: TOO_LARGE_KEY };
      throw error;
    }
  }, null);
}
