"use client";

import { useEffect, useId, useRef, useState, startTransition, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput, inputClass } from "@/components/ui/field";
import { FormMessage, useActionText } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/types";
import { formatMajorInput } from "@/lib/domain/money";
import { saveChallengeAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

export type MilestoneRow = { metric: string; threshold: string; reward: string };

/** Everything the form shows, as typed strings. */
export type ChallengeFormValues = {
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  kind: string;
  platform: string;
  currency: string;
  startsAt: string;
  endsAt: string;
  milestones: MilestoneRow[];
  minFollowers: string;
  maxFollowers: string;
  countries: string[];
  inviteOnly: boolean;
  invites: string;
  enrollmentCap: string;
  budget: string;
};

type Option = { value: string; label: string };

type Props = {
  id?: number;
  /** Fields that may change: all for a draft or scheduled challenge, a few once live. */
  editable: string[];
  initial: ChallengeFormValues;
  options: { kinds: Option[]; platforms: Option[]; metrics: Option[]; currencies: string[]; countries: Option[] };
  middleClass: { min: number; max: number };
  submitLabel: string;
};

type Row = MilestoneRow & { key: string };

/** Create or edit a challenge. Every value stays in the form whatever the server answers. */
export function ChallengeForm({ id, editable, initial, options, middleClass, submitLabel }: Props) {
  const t = useTranslations("marketing.form");
  // Example amounts in the reader's format ("25,00", "50 000,00"); the parser accepts both languages'.
  const locale = useLocale();
  const text = useActionText();
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(saveChallengeAction);
  const [values, setValues] = useState(initial);
  const nextKey = useRef(0);
  const [rows, setRows] = useState<Row[]>(() => initial.milestones.map((m, i) => ({ ...m, key: `s0-${i}` })));
  const formId = useId();
  // After a successful save the server renders the saved (normalized) challenge: show that.
  const initialKey = JSON.stringify(initial);
  const [shown, setShown] = useState({ key: initialKey, generation: 0 });
  if (initialKey !== shown.key) {
    const generation = shown.generation + 1;
    setShown({ key: initialKey, generation });
    if (state?.ok) {
      setValues(initial);
      setRows(initial.milestones.map((m, i) => ({ ...m, key: `s${generation}-${i}` })));
    }
  }

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Take keyboard and screen-reader users to the first field that needs attention.
    if (state && !state.ok && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (state?.ok && state.data?.created) router.push(`/marketing/challenges/${state.data.id}/edit?created=1`);
  }, [state, router]);

  const can = (field: string) => editable.includes(field);
  const set = <K extends keyof ChallengeFormValues>(key: K, value: ChallengeFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => {
    if (!state || state.ok) return undefined;
    const key = state.fieldErrors?.[name]?.[0];
    return key ? text(key, state.values) : undefined;
  };
  const lockedHint = t("lockedLive");

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };

  const updateRow = (key: string, patch: Partial<MilestoneRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => {
    const last = rows.at(-1);
    setRows((rs) => [...rs, { key: `a${nextKey.current++}`, metric: last?.metric ?? options.metrics[0].value, threshold: "", reward: "" }]);
  };

  const countryError = error("countries");
  const milestonesError = error("milestones");
  const errorCount = state && !state.ok ? Object.keys(state.fieldErrors ?? {}).length : 0;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      <div id={`${formId}-message`}>
        <FormMessage state={state as ActionResult<unknown> | null} />
        {errorCount > 0 && <p className="sr-only">{t("errorCount", { count: errorCount })}</p>}
      </div>

      <Section title={t("sections.text")}>
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="titleEn" label={t("titleEn")} error={error("titleEn")} hint={!can("titleEn") ? lockedHint : undefined}>
            <TextInput id="titleEn" name="titleEn" lang="en" value={values.titleEn} onChange={(e) => set("titleEn", e.target.value)} disabled={!can("titleEn")} error={error("titleEn")} hint={!can("titleEn")} maxLength={120} />
          </Field>
          <Field id="titleFr" label={t("titleFr")} error={error("titleFr")} hint={!can("titleFr") ? lockedHint : undefined}>
            <TextInput id="titleFr" name="titleFr" lang="fr" value={values.titleFr} onChange={(e) => set("titleFr", e.target.value)} disabled={!can("titleFr")} error={error("titleFr")} hint={!can("titleFr")} maxLength={120} />
          </Field>
          <Field id="descriptionEn" label={t("descriptionEn")} error={error("descriptionEn")}>
            <TextArea id="descriptionEn" name="descriptionEn" lang="en" rows={4} value={values.descriptionEn} onChange={(e) => set("descriptionEn", e.target.value)} disabled={!can("descriptionEn")} error={error("descriptionEn")} maxLength={2000} />
          </Field>
          <Field id="descriptionFr" label={t("descriptionFr")} error={error("descriptionFr")}>
            <TextArea id="descriptionFr" name="descriptionFr" lang="fr" rows={4} value={values.descriptionFr} onChange={(e) => set("descriptionFr", e.target.value)} disabled={!can("descriptionFr")} error={error("descriptionFr")} maxLength={2000} />
          </Field>
        </div>
      </Section>

      <Section title={t("sections.program")} description={!can("kind") ? lockedHint : undefined}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="kind" label={t("kind")} error={error("kind")}>
            <Select id="kind" name="kind" value={values.kind} onChange={(e) => set("kind", e.target.value)} disabled={!can("kind")} error={error("kind")}>
              {options.kinds.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          </Field>
          <Field id="platform" label={t("platform")} error={error("platform")}>
            <Select id="platform" name="platform" value={values.platform} onChange={(e) => set("platform", e.target.value)} disabled={!can("platform")} error={error("platform")}>
              {options.platforms.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          </Field>
          <Field id="currency" label={t("currency")} error={error("currency")}>
            <Select id="currency" name="currency" value={values.currency} onChange={(e) => set("currency", e.target.value)} disabled={!can("currency")} error={error("currency")}>
              {options.currencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </Select>
          </Field>
        </div>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field id="startsAt" label={t("startsAt")} error={error("startsAt")} hint={t("utcHint")}>
            <TextInput id="startsAt" name="startsAt" type="datetime-local" value={values.startsAt} onChange={(e) => set("startsAt", e.target.value)} disabled={!can("startsAt")} error={error("startsAt")} hint />
          </Field>
          <Field id="endsAt" label={t("endsAt")} error={error("endsAt")} hint={can("startsAt") ? t("utcHint") : t("endLaterHint")}>
            <TextInput id="endsAt" name="endsAt" type="datetime-local" value={values.endsAt} onChange={(e) => set("endsAt", e.target.value)} disabled={!can("endsAt")} error={error("endsAt")} hint />
          </Field>
        </div>
      </Section>

      <Section title={t("sections.milestones")} description={t("milestonesHint")}>
        {rows.length === 0 ? (
          <p className="text-sm text-gray-600">{t("noMilestones")}</p>
        ) : (
          <ol className="space-y-3">
            {rows.map((row, i) => {
              const base = `milestones.${i}`;
              return (
                <li key={row.key} className="rounded-md border border-gray-200 p-3">
                  <fieldset>
                    <legend className="mb-2 text-sm font-semibold text-gray-900">{t("milestoneN", { n: i + 1 })}</legend>
                    <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
                      <Field id={`${base}.metric`} label={t("metric")} error={error(`${base}.metric`)}>
                        <Select id={`${base}.metric`} name={`${base}.metric`} value={row.metric} onChange={(e) => updateRow(row.key, { metric: e.target.value })} disabled={!can("milestones")} error={error(`${base}.metric`)}>
                          {options.metrics.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                        </Select>
                      </Field>
                      <Field id={`${base}.threshold`} label={t("threshold")} error={error(`${base}.threshold`)}>
                        <TextInput id={`${base}.threshold`} name={`${base}.threshold`} inputMode="numeric" value={row.threshold} onChange={(e) => updateRow(row.key, { threshold: e.target.value })} disabled={!can("milestones")} error={error(`${base}.threshold`)} />
                      </Field>
                      <Field id={`${base}.reward`} label={t("reward", { currency: values.currency })} error={error(`${base}.reward`)}>
                        <TextInput id={`${base}.reward`} name={`${base}.reward`} inputMode="decimal" placeholder={formatMajorInput(2_500, locale)} value={row.reward} onChange={(e) => updateRow(row.key, { reward: e.target.value })} disabled={!can("milestones")} error={error(`${base}.reward`)} />
                      </Field>
                      {can("milestones") && (
                        <Button variant="ghost" className="sm:mt-6" onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))} aria-label={t("removeMilestoneN", { n: i + 1 })}>
                          {t("remove")}
                        </Button>
                      )}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
        {milestonesError && <p className="mt-2 text-sm text-red-700" role="alert">{milestonesError}</p>}
        {can("milestones") ? (
          <Button variant="secondary" className="mt-3" onClick={addRow} disabled={rows.length >= 10}>
            {t("addMilestone")}
          </Button>
        ) : (
          <p className="mt-2 text-xs text-gray-500">{lockedHint}</p>
        )}
      </Section>

      <Section title={t("sections.eligibility")} description={!can("minFollowers") ? lockedHint : undefined}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="minFollowers" label={t("minFollowers")} error={error("minFollowers")}>
            <TextInput id="minFollowers" name="minFollowers" inputMode="numeric" value={values.minFollowers} onChange={(e) => set("minFollowers", e.target.value)} disabled={!can("minFollowers")} error={error("minFollowers")} />
          </Field>
          <Field id="maxFollowers" label={t("maxFollowers")} error={error("maxFollowers")} hint={t("maxFollowersHint")}>
            <TextInput id="maxFollowers" name="maxFollowers" inputMode="numeric" value={values.maxFollowers} onChange={(e) => set("maxFollowers", e.target.value)} disabled={!can("maxFollowers")} error={error("maxFollowers")} hint />
          </Field>
        </div>
        {can("minFollowers") && (
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() => setValues((v) => ({ ...v, minFollowers: String(middleClass.min), maxFollowers: String(middleClass.max) }))}
          >
            {t("middleClass")}
          </Button>
        )}

        <fieldset className="mt-5" aria-describedby={countryError ? "countries-error" : "countries-hint"}>
          <legend className="text-sm font-medium text-gray-800">{t("countries")}</legend>
          <p id="countries-hint" className="text-xs text-gray-500">{t("countriesHint")}</p>
          <div className="mt-2 grid grid-cols-1 gap-2 min-[400px]:grid-cols-2 sm:grid-cols-3">
            {options.countries.map((c) => (
              <label key={c.value} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="countries"
                  value={c.value}
                  checked={values.countries.includes(c.value)}
                  disabled={!can("countries")}
                  onChange={(e) => set("countries", e.target.checked ? [...values.countries, c.value] : values.countries.filter((x) => x !== c.value))}
                  className="h-4 w-4 rounded border-gray-300"
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
          <p id="countries-error" className="text-sm text-red-700" aria-live="polite">{countryError}</p>
        </fieldset>

        <div className="mt-5 space-y-3">
          <label className="flex items-center gap-2 text-sm font-medium text-gray-800">
            <input type="checkbox" name="inviteOnly" checked={values.inviteOnly} disabled={!can("inviteOnly")} onChange={(e) => set("inviteOnly", e.target.checked)} className="h-4 w-4 rounded border-gray-300" />
            {t("inviteOnly")}
          </label>
          <Field id="invites" label={t("invites")} error={error("invites")} hint={t("invitesHint")}>
            <textarea
              id="invites"
              name="invites"
              rows={4}
              value={values.invites}
              onChange={(e) => set("invites", e.target.value)}
              disabled={!can("invites")}
              aria-invalid={error("invites") ? true : undefined}
              aria-describedby={error("invites") ? "invites-error" : "invites-hint"}
              className={`${inputClass} font-mono`}
              spellCheck={false}
            />
          </Field>
        </div>
      </Section>

      <Section title={t("sections.limits")} description={!can("budget") ? lockedHint : undefined}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="enrollmentCap" label={t("enrollmentCap")} error={error("enrollmentCap")} hint={t("enrollmentCapHint")}>
            <TextInput id="enrollmentCap" name="enrollmentCap" inputMode="numeric" value={values.enrollmentCap} onChange={(e) => set("enrollmentCap", e.target.value)} disabled={!can("enrollmentCap")} error={error("enrollmentCap")} hint />
          </Field>
          <Field id="budget" label={t("budget", { currency: values.currency })} error={error("budget")} hint={t("budgetHint")}>
            <TextInput id="budget" name="budget" inputMode="decimal" placeholder={formatMajorInput(5_000_000, locale)} value={values.budget} onChange={(e) => set("budget", e.target.value)} disabled={!can("budget")} error={error("budget")} hint />
          </Field>
        </div>
      </Section>

      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-gray-200 bg-white px-4 py-3 shadow-sm">
        <Button type="submit" disabled={pending}>{pending ? t("saving") : submitLabel}</Button>
        {state && !state.ok && <span className="text-sm text-red-700">{text(state.message, state.values)}</span>}
        {state?.ok && <span className="text-sm text-green-800">{text(state.message)}</span>}
      </div>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 className="text-base font-semibold text-gray-900">{title}</h2>
      {description && <p className="mt-1 text-sm text-gray-600">{description}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}
