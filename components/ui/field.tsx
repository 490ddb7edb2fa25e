import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-gray-400 focus:border-brand-500 aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-600";

type FieldProps = { id: string; label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode };

/** A label, a control, and an error read out by screen readers when it appears. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="min-h-0 text-sm text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

export function describedBy(id: string, error?: string, hint?: boolean): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextInput({ id, error, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & { id: string; error?: string; hint?: boolean }) {
  return <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={inputClass} {...props} />;
}

export function Select({ id, error, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { id: string; error?: string }) {
  return <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} className={inputClass} {...props} />;
}

export function TextArea({ id, error, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; error?: string }) {
  return <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} className={inputClass} {...props} />;
}
