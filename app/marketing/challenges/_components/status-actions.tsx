"use client";

import Link from "next/link";
import { useState } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, useActionText } from "@/components/ui/form-message";
import { formatDateTime } from "@/lib/i18n/format";
import { changeStatusAction, endEarlyAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

type Props = {
  challengeId: number;
  /** The transitions the status machine allows now (lib/domain/challenge-transitions.ts). */
  allowed: string[];
  startInFuture: boolean;
  startLabel: string;
  noticeDays: number;
  earliestEndInput: string;
  /** False when the current end is already within the notice period. */
  canEndEarlier: boolean;
  fieldLabels: Record<string, string>;
  /** For the confirmations: the challenge's title and current end, in the reader's language. */
  challengeTitle: string;
  endLabel: string;
};

/** The lifecycle buttons of a challenge; the server re-checks every transition. */
export function StatusActions({ challengeId, allowed, startInFuture, startLabel, noticeDays, earliestEndInput, canEndEarlier, fieldLabels, challengeTitle, endLabel }: Props) {
  const t = useTranslations("marketing.status");
  const text = useActionText();
  const [state, action, pending] = useFormAction(changeStatusAction);
  const problems = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  const can = (x: string) => allowed.includes(x);
  const statusButtons = ["publish", "schedule", "unpublish", "archive"].filter(can);

  return (
    <div className="space-y-4">
      {/* Outside the form: after a transition its buttons change, the outcome stays. */}
      <FormMessage state={state} />
      {statusButtons.length > 0 && (
        <form action={action} className="space-y-3">
          <input type="hidden" name="challengeId" value={challengeId} />
          <div className="flex flex-wrap gap-2">
            {can("schedule") && (
              <Button type="submit" name="transition" value="schedule" disabled={pending || !startInFuture} aria-describedby="schedule-hint">
                {t("schedule", { date: startLabel })}
              </Button>
            )}
            {can("publish") && (
              <ConfirmButton
                name="transition"
                value="publish"
                variant={can("schedule") && startInFuture ? "secondary" : "primary"}
                disabled={pending}
                title={t("confirm.publishTitle", { title: challengeTitle })}
                body={<p>{t("confirm.publishBody", { end: endLabel, days: noticeDays })}</p>}
                confirmLabel={t("publish")}
                cancelLabel={t("confirm.cancel")}
              >
                {t("publish")}
              </ConfirmButton>
            )}
            {can("unpublish") && (
              <Button type="submit" name="transition" value="unpublish" variant="secondary" disabled={pending}>
                {t("unpublish")}
              </Button>
            )}
            {can("archive") && (
              <Button type="submit" name="transition" value="archive" variant="secondary" disabled={pending}>
                {t("archive")}
              </Button>
            )}
          </div>
          {can("schedule") && (
            <p id="schedule-hint" className="text-xs text-gray-600">
              {startInFuture ? t("scheduleHint") : t("scheduleNeedsFuture")}
            </p>
          )}
          {problems.length > 0 && (
            <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              <ul className="list-inside list-disc space-y-1">
                {problems.map(([field, keys]) => (
                  <li key={field}>
                    <span className="font-medium">{fieldLabels[field] ?? field}</span>: {text(keys[0])}
                  </li>
                ))}
              </ul>
              <Link href={`/marketing/challenges/${challengeId}/edit`} className="mt-2 inline-block font-medium text-red-900 underline">
                {t("fixInForm")}
              </Link>
            </div>
          )}
        </form>
      )}
      {can("end_early") && (
        <EndEarlyForm challengeId={challengeId} noticeDays={noticeDays} earliestEndInput={earliestEndInput} canEndEarlier={canEndEarlier} challengeTitle={challengeTitle} endLabel={endLabel} />
      )}
      {allowed.length === 0 && <p className="text-sm text-gray-600">{t("nothing")}</p>}
    </div>
  );
}

function EndEarlyForm({
  challengeId,
  noticeDays,
  earliestEndInput,
  canEndEarlier,
  challengeTitle,
  endLabel,
}: {
  challengeId: number;
  noticeDays: number;
  earliestEndInput: string;
  canEndEarlier: boolean;
  challengeTitle: string;
  endLabel: string;
}) {
  const t = useTranslations("marketing.status");
  const locale = useLocale();
  const text = useActionText();
  const [state, action, pending] = useFormAction(endEarlyAction);
  // The refusal names the earliest allowed end (or the current end), sent in the result's values.
  const errorKey = state && !state.ok ? state.fieldErrors?.endsAt?.[0] : undefined;
  const limit = state && !state.ok ? state.values : undefined;
  const error = errorKey ? text(errorKey, limit && { ...limit, date: formatDateTime(String(limit.date), locale) }) : undefined;
  const typed = state && !state.ok && typeof state.input?.endsAt === "string" ? state.input.endsAt : undefined;
  // The date the confirmation names: what the field holds when the dialog opens.
  const [chosen, setChosen] = useState("");
  const readChosen = () => {
    const input = document.getElementById("early-endsAt") as HTMLInputElement | null;
    if (!input?.value) return input?.reportValidity() ?? false;
    setChosen(formatDateTime(`${input.value}:00Z`, locale));
  };
  if (!canEndEarlier) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <p className="text-sm text-gray-600">{t("withinNotice", { days: noticeDays })}</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-md border border-gray-200 p-3">
      <h3 className="font-semibold text-gray-900">{t("endEarlyTitle")}</h3>
      <p className="text-sm text-gray-600">{t("endEarlyHint", { days: noticeDays })}</p>
      <input type="hidden" name="challengeId" value={challengeId} />
      <Field id="early-endsAt" label={t("newEnd")} error={error} hint={t("utc")}>
        {/* A refused date stays in the field (React resets a form after its action). */}
        <TextInput
          key={typed ?? "default"}
          id="early-endsAt"
          name="endsAt"
          type="datetime-local"
          required
          defaultValue={typed ?? earliestEndInput}
          error={error}
          hint
        />
      </Field>
      <ConfirmButton
        variant="danger"
        disabled={pending}
        onOpen={readChosen}
        title={t("confirm.endEarlyTitle", { title: challengeTitle })}
        body={<p>{t("confirm.endEarlyBody", { date: chosen, end: endLabel })}</p>}
        confirmLabel={t("endEarly")}
        cancelLabel={t("confirm.cancel")}
      >
        {t("endEarly")}
      </ConfirmButton>
      <FormMessage state={state} />
    </form>
  );
}
