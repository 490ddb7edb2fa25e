// Result types shared by server actions and the client forms that show them.

export type FieldErrors = Record<string, string[]>;

/** Messages and field errors are translation keys ("errors.forbidden"), translated by the form. */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; values?: Record<string, string | number>; data?: T }
  | {
      ok: false;
      message: string;
      /** Interpolations for the message. */
      values?: Record<string, string | number>;
      fieldErrors?: FieldErrors;
      /** What the user typed, sent back so a failed submit loses nothing. */
      input?: Record<string, unknown>;
    };
