"use client";

import { useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/types";
import { useFormAction } from "@/lib/actions/use-form-action";
import { HOLD_REASON_CODES } from "@/lib/domain/hold-reasons";
import { approvePayoutAction, holdPayoutAction, markPayoutPaidAction, rejectPayoutAction } from "../../actions";

type Target = { payoutId: number; version: number };

/** What the reviewer typed, put back after a refusal so nothing is lost. */
function typed(state: ActionResult<unknown> | null, name: string, fallback = ""): string {
  if (!state || state.ok) return fallback;
  const value = state.input?.[name];
  return typeof value === "string" ? value : fallback;
}

function Hidden({ payoutId, version }: Target) {
  return (
    <>
      <input type="hidden" name="payoutId" value={payoutId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function ApproveForm({ payoutId, version, flagged, secondApproval }: Target & { flagged: boolean; secondApproval: boolean }) {
  const t = useTranslations("payouts.actions");
  const text = useActionText();
  const id = useId();
  const [state, action, pending] = useFormAction(approvePayoutAction);
  const error = fieldError(state, "note", text);
  return (
    <form action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">{secondApproval ? t("approveSecondTitle") : t("approveTitle")}</h3>
      <Hidden payoutId={payoutId} version={version} />
      <Field id={`${id}-note`} label={flagged ? t("noteRequired") : t("noteOptional")} error={error} hint={flagged ? t("noteFlaggedHint") : undefined}>
        <TextArea id={`${id}-note`} name="note" rows={3} defaultValue={typed(state, "note")} key={`${version}-${typed(state, "note")}`} error={error} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? t("approving") : t("approve")}</Button>
      <FormMessage state={state} />
    </form>
  );
}

export function HoldForm({
  payoutId,
  version,
  defaultDecideBy,
  minDecideBy,
  current,
}: Target & { defaultDecideBy: string; minDecideBy: string; current?: { code: string; note: string | null; fix: string | null } }) {
  const t = useTranslations("payouts.actions");
  const tr = useTranslations("payouts.holdReasons");
  const text = useActionText();
  const id = useId();
  const [state, action, pending] = useFormAction(holdPayoutAction);
  const err = (name: string) => fieldError(state, name, text);
  const k = `${version}-${state && !state.ok ? "retry" : "fresh"}`;
  return (
    <form action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">{current ? t("holdUpdateTitle") : t("holdTitle")}</h3>
      <Hidden payoutId={payoutId} version={version} />
      <Field id={`${id}-reason`} label={t("holdReason")} error={err("reasonCode")}>
        <Select id={`${id}-reason`} name="reasonCode" defaultValue={typed(state, "reasonCode", current?.code ?? "")} key={k} error={err("reasonCode")}>
          <option value="">{t("chooseReason")}</option>
          {HOLD_REASON_CODES.map((code) => (
            <option key={code} value={code}>{tr(code)}</option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-note`} label={t("holdNote")} error={err("note")} hint={t("holdNoteHint")}>
        <TextArea id={`${id}-note`} name="note" rows={2} defaultValue={typed(state, "note", current?.note ?? "")} key={k} error={err("note")} />
      </Field>
      <Field id={`${id}-fix`} label={t("holdFix")} error={err("fix")} hint={t("holdFixHint")}>
        <TextArea id={`${id}-fix`} name="fix" rows={2} defaultValue={typed(state, "fix", current?.fix ?? "")} key={k} error={err("fix")} />
      </Field>
      <Field id={`${id}-decide`} label={t("holdDecideBy")} error={err("decideBy")}>
        <TextInput id={`${id}-decide`} name="decideBy" type="date" min={minDecideBy} defaultValue={typed(state, "decideBy", defaultDecideBy)} key={k} error={err("decideBy")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? t("holding") : current ? t("holdUpdate") : t("hold")}</Button>
      <FormMessage state={state} />
    </form>
  );
}

/** `summary`: which payout, in words ("€1,274.79 for Camille Martin, October 2026"), for the confirmation. */
export function RejectForm({ payoutId, version, summary }: Target & { summary: string }) {
  const t = useTranslations("payouts.actions");
  const text = useActionText();
  const id = useId();
  const [state, action, pending] = useFormAction(rejectPayoutAction);
  const error = fieldError(state, "reason", text);
  return (
    <form action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">{t("rejectTitle")}</h3>
      <p className="text-sm text-gray-600">{t("rejectExplain")}</p>
      <Hidden payoutId={payoutId} version={version} />
      <Field id={`${id}-reason`} label={t("rejectReason")} error={error} hint={t("rejectReasonHint")}>
        <TextArea id={`${id}-reason`} name="reason" rows={2} defaultValue={typed(state, "reason")} key={`${version}-${typed(state, "reason")}`} error={error} />
      </Field>
      <ConfirmButton
        variant="danger"
        disabled={pending}
        title={t("rejectConfirmTitle")}
        body={<p>{t("rejectConfirmBody", { summary })}</p>}
        confirmLabel={t("reject")}
        cancelLabel={t("cancel")}
      >
        {pending ? t("rejecting") : t("reject")}
      </ConfirmButton>
      <FormMessage state={state} />
    </form>
  );
}

export function MarkPaidForm({ payoutId, version }: Target) {
  const t = useTranslations("payouts.actions");
  const text = useActionText();
  const id = useId();
  const [state, action, pending] = useFormAction(markPayoutPaidAction);
  const error = fieldError(state, "paymentReference", text);
  return (
    <form action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">{t("markPaidTitle")}</h3>
      <p className="text-sm text-gray-600">{t("markPaidExplain")}</p>
      <Hidden payoutId={payoutId} version={version} />
      <Field id={`${id}-ref`} label={t("paymentReference")} error={error}>
        <TextInput id={`${id}-ref`} name="paymentReference" defaultValue={typed(state, "paymentReference")} key={`${version}-${typed(state, "paymentReference")}`} autoComplete="off" error={error} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? t("markingPaid") : t("markPaid")}</Button>
      <FormMessage state={state} />
    </form>
  );
}
