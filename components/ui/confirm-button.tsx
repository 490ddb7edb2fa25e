"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button, buttonClass, type ButtonVariant } from "./button";

type Props = {
  /** The button that opens the confirmation. */
  children: ReactNode;
  variant?: ButtonVariant;
  disabled?: boolean;
  /** The dialog's heading and what will happen, in plain words. */
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Sent with the form by the confirm button, as a submit button's name and value would be. */
  name?: string;
  value?: string;
  /** Runs before the dialog opens; return false to submit nothing (e.g. the form is invalid). */
  onOpen?: () => boolean | void;
};

/**
 * A destructive step's second look: the button opens a native modal <dialog> (focus moves into it,
 * Escape closes it, focus returns to the button), which says what will happen; only its confirm
 * button submits the surrounding form. Cancel has the focus first, so Enter does not confirm.
 */
export function ConfirmButton({ children, variant = "primary", disabled, title, body, confirmLabel, cancelLabel, name, value, onOpen }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  const open = () => {
    if (onOpen?.() === false) return;
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  return (
    <>
      <Button type="button" variant={variant} disabled={disabled} onClick={open} aria-haspopup="dialog">
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-gray-200 p-0 shadow-xl backdrop:bg-gray-900/40"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-gray-900">{title}</h2>
          <div id={`${id}-body`} className="space-y-2 text-sm text-gray-700">{body}</div>
          <div className="flex flex-wrap justify-end gap-2">
            <button ref={cancel} type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </button>
            <Button type="submit" variant={variant} name={name} value={value} onClick={() => dialog.current?.close()}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
