import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LifecycleBadge } from "@/components/lifecycle-badge";
import { reasonText } from "@/components/reason-text";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listMyChallenges, type ChallengeSummary } from "@/lib/dal/challenges/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { EnrollButton } from "./_components/enroll-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("challenges"))("title") };
}

export default async function CreatorChallenges() {
  const caller = await requireRole(AREA_ROLES.creator);
  const lists = await listMyChallenges(caller);
  const t = await getTranslations("challenges");
  const locale = await getLocale();
  const tk = await getTranslations("kinds");
  const tp = await getTranslations("platforms");

  // Why this creator qualifies for an upcoming challenge, in the terms the challenge sets.
  const qualifies = (c: ChallengeSummary) => {
    const { minFollowers, maxFollowers, countries, inviteOnly } = c.rules;
    const followers = maxFollowers === null
      ? t("upcoming.followersFrom", { min: formatNumber(minFollowers, locale) })
      : t("upcoming.followersRange", { min: formatNumber(minFollowers, locale), max: formatNumber(maxFollowers, locale) });
    return t("upcoming.qualifies", {
      platform: tp(c.platform),
      followers,
      countries: countries.length ? countries.join(", ") : "all",
      invited: inviteOnly ? "yes" : "no",
    });
  };

  const upcomingItem = (c: ChallengeSummary) => {
    const title = locale === "fr" ? c.titleFr : c.titleEn;
    return (
      <li key={c.id}>
        <Card className="h-full">
          <div className="flex h-full flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <LifecycleBadge lifecycle={c.lifecycle} />
              <span className="text-gray-600">{tk(c.kind)} · {tp(c.platform)}</span>
            </div>
            <h3 className="font-semibold">
              <Link href={`/creator/challenges/${c.id}`} className="hover:underline">{title}</Link>
            </h3>
            <p className="text-sm font-medium text-gray-900">{t("upcoming.starts", { date: formatDate(c.startsAt, locale), end: formatDate(c.endsAt, locale) })}</p>
            <p className="text-sm text-gray-600">
              {t("rewardsUpTo", { amount: formatMoney(c.rewardTotalMinor, c.currency, locale) })} · {t("milestones", { count: c.milestoneCount })}
            </p>
            <p className="text-sm text-green-900">{qualifies(c)}</p>
            <p className="text-sm text-gray-600">{t("upcoming.joinFrom", { date: formatDateTime(c.startsAt, locale) })}</p>
            <div className="mt-auto pt-2">
              <Link href={`/creator/challenges/${c.id}`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`${t("view")}: ${title}`}>
                {t("view")}
              </Link>
            </div>
          </div>
        </Card>
      </li>
    );
  };

  const item = (c: ChallengeSummary, variant: "eligible" | "enrolled" | "ineligible" | "ended") => {
    const title = locale === "fr" ? c.titleFr : c.titleEn;
    return (
      <li key={c.id}>
        <Card className="h-full">
          <div className="flex h-full flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <LifecycleBadge lifecycle={c.lifecycle} />
              <span className="text-gray-600">{tk(c.kind)} · {tp(c.platform)}</span>
            </div>
            <h3 className="font-semibold">
              <Link href={`/creator/challenges/${c.id}`} className="hover:underline">{title}</Link>
            </h3>
            <p className="text-sm text-gray-600">
              {t("rewardsUpTo", { amount: formatMoney(c.rewardTotalMinor, c.currency, locale) })} · {t("milestones", { count: c.milestoneCount })}
            </p>
            <p className="text-sm text-gray-600">
              {variant === "ended" ? t("endsOn", { date: formatDate(c.endsAt, locale) }) : t("daysLeft", { count: Math.max(0, Math.ceil((c.endsAt.getTime() - Date.now()) / 86_400_000)) })}
            </p>
            {variant === "ended" && (
              <p className="text-sm font-medium text-gray-900">
                {t("reachedCount", { count: c.reachedCount })} · {t("earned", { amount: formatMoney(c.earnedMinor, c.currency, locale) })}
              </p>
            )}
            {variant === "ineligible" && (
              <ul className="list-inside list-disc text-sm text-amber-900">
                {c.reasons.map((r) => <li key={r.code}>{reasonText(t, r)}</li>)}
              </ul>
            )}
            <div className="mt-auto flex flex-wrap items-center gap-3 pt-2">
              {variant === "eligible" && <EnrollButton challengeId={c.id} mode="enroll" from="list" accessibleName={`${t("enroll")}: ${title}`} />}
              <Link href={`/creator/challenges/${c.id}`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`${t("view")}: ${title}`}>
                {t("view")}
              </Link>
            </div>
          </div>
        </Card>
      </li>
    );
  };

  const section = (key: "eligible" | "enrolled" | "ineligible" | "ended", empty?: string) => (
    <section aria-labelledby={`${key}-title`} className="space-y-3">
      <h2 id={`${key}-title`} className="text-lg font-semibold">
        {t(key)} <span className="text-sm font-normal text-gray-500">({lists[key].length})</span>
      </h2>
      {lists[key].length === 0 ? (
        empty ? <EmptyState title={empty} /> : null
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{lists[key].map((c) => item(c, key))}</ul>
      )}
    </section>
  );

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {section("enrolled", t("emptyEnrolled"))}
      {section("eligible", t("emptyEligible"))}
      {lists.upcoming.length > 0 && (
        <section aria-labelledby="upcoming-title" className="space-y-3">
          <h2 id="upcoming-title" className="text-lg font-semibold">
            {t("upcoming.title")} <span className="text-sm font-normal text-gray-500">({lists.upcoming.length})</span>
          </h2>
          <p className="text-sm text-gray-600">{t("upcoming.intro")}</p>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{lists.upcoming.map(upcomingItem)}</ul>
        </section>
      )}
      {lists.ineligible.length > 0 && section("ineligible")}
      {section("ended", t("emptyEnded"))}
    </div>
  );
}
