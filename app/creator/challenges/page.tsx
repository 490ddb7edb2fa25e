import { pageParam } from "@/lib/validation/page";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LifecycleBadge } from "@/components/lifecycle-badge";
import { Pagination } from "@/components/pagination";
import { reasonText } from "@/components/reason-text";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listMyChallenges, type ChallengeSummary, type CreatorChallengeLists } from "@/lib/dal/challenges/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { EnrollButton } from "./_components/enroll-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("challenges"))("title") };
}

type SectionKey = Exclude<keyof CreatorChallengeLists, "endedTotal">;
const SECTIONS: readonly SectionKey[] = ["enrolled", "eligible", "upcoming", "ineligible", "ended"];
// The overview shows the first cards of each section and links to the rest, a page at a time: a
// creator on a busy platform qualifies for hundreds of challenges (390 cards, 864 KB of HTML at
// full bench scale), more than anyone reads or a phone should load.
const SECTION_PREVIEW = 12;
const SECTION_PAGE_SIZE = 24;

export default async function CreatorChallenges({ searchParams }: { searchParams: Promise<{ show?: string; page?: string }> }) {
  const caller = await requireRole(AREA_ROLES.creator);
  const query = await searchParams;
  const shown = SECTIONS.find((k) => k === query.show) ?? null;
  const page = pageParam(query.page);
  // The ended ones are paged by the database: the overview's preview, or the page asked for.
  const lists = await listMyChallenges(
    caller,
    shown === "ended" ? { offset: (page - 1) * SECTION_PAGE_SIZE, limit: SECTION_PAGE_SIZE } : { offset: 0, limit: SECTION_PREVIEW },
  );
  const countOf = (key: SectionKey) => (key === "ended" ? lists.endedTotal : lists[key].length);
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

  const card = (key: SectionKey) => (c: ChallengeSummary) => (key === "upcoming" ? upcomingItem(c) : item(c, key));
  const title = (key: SectionKey) => (key === "upcoming" ? t("upcoming.title") : t(key));
  const grid = (key: SectionKey, list: ChallengeSummary[]) => <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{list.map(card(key))}</ul>;

  const section = (key: SectionKey, empty?: string) => {
    const list = lists[key];
    const count = countOf(key);
    return (
      <section aria-labelledby={`${key}-title`} className="space-y-3">
        <h2 id={`${key}-title`} className="text-lg font-semibold">
          {title(key)} <span className="text-sm font-normal text-gray-500">({count})</span>
        </h2>
        {key === "upcoming" && <p className="text-sm text-gray-600">{t("upcoming.intro")}</p>}
        {list.length === 0 ? (empty ? <EmptyState title={empty} /> : null) : grid(key, list.slice(0, SECTION_PREVIEW))}
        {count > SECTION_PREVIEW && (
          <p>
            <Link href={`/creator/challenges?show=${key}`} className="text-sm font-medium text-brand-700 hover:underline">
              {t("seeAll", { count, section: title(key) })}
            </Link>
          </p>
        )}
      </section>
    );
  };

  if (shown) {
    const count = countOf(shown);
    const pages = Math.max(1, Math.ceil(count / SECTION_PAGE_SIZE));
    const current = Math.min(page, pages);
    // The ended list arrives as the page asked for; past its last page, go to the last one.
    if (shown === "ended" && page > pages) redirect(`/creator/challenges?show=ended&page=${pages}`);
    const list = shown === "ended" ? lists.ended : lists[shown].slice((current - 1) * SECTION_PAGE_SIZE, current * SECTION_PAGE_SIZE);
    return (
      <div className="space-y-6">
        <Link href="/creator/challenges" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <PageHeader title={`${title(shown)} (${count})`} subtitle={shown === "upcoming" ? t("upcoming.intro") : undefined} />
        {list.length === 0 ? <EmptyState title={t("emptySection")} /> : grid(shown, list)}
        <Pagination page={current} pageCount={pages} hrefFor={(n) => `/creator/challenges?show=${shown}&page=${n}`} />
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {section("enrolled", t("emptyEnrolled"))}
      {section("eligible", t("emptyEligible"))}
      {lists.upcoming.length > 0 && section("upcoming")}
      {lists.ineligible.length > 0 && section("ineligible")}
      {section("ended", t("emptyEnded"))}
    </div>
  );
}
