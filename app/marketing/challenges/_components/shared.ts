import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getChallengeForMarketing } from "@/lib/dal/challenge-authoring/queries";

// generateMetadata and the page both need the challenge: loaded once per request.
const loadChallenge = cache((id: number) => getChallengeForMarketing(id));

/** The challenge named in the URL, or the 404 page. */
export async function challengeFromParams(params: Promise<{ id: string }>) {
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) notFound();
  const challenge = await loadChallenge(id);
  if (!challenge) notFound();
  return challenge;
}

/** The title in the reader's language, else the other one (drafts may have only one). */
export function titleIn(c: { titleEn: string; titleFr: string }, locale: string): string {
  return (locale === "fr" ? c.titleFr || c.titleEn : c.titleEn || c.titleFr) || "";
}
