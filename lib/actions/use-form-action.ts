"use client";
// useActionState for forms, plus one expected failure that never reaches the action: a body over
// 1 MiB, refused by server.mjs with a 413. It becomes the form's message, not the error page.
//
// Until the page has hydrated, the form holds the server action itself: only a server action
// reference renders a form that posts without JavaScript (a wrapper renders `javascript:throw`,
// and a click before hydration would do nothing). Once hydrated, the same dispatch runs the
// wrapper; useActionState always calls the action of the latest render.
import { useActionState, useMemo, useSyncExternalStore } from "react";
import type { ActionResult } from "./types";
import { TOO_LARGE_KEY, TOO_LARGE_TEXT } from "./too-large.mjs";

type ServerAction<T> = (previous: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

const subscribeNever = () => () => {};

export function useFormAction<T>(action: ServerAction<T>) {
  // false on the server and while hydrating, true after.
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const showingTooLarge = useMemo<ServerAction<T>>(
    () => async (previous, input) => {
      try {
        return await action(previous, input);
      } catch (error) {
        if (error instanceof Error && error.message === TOO_LARGE_TEXT) return { ok: false, message: TOO_LARGE_KEY };
        throw error;
      }
    },
    [action],
  );
  return useActionState<ActionResult<T> | null, FormData>(hydrated ? showingTooLarge : action, null);
}
