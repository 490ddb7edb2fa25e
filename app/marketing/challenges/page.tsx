import { PlaceholderHome } from "@/components/placeholder-home";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";

export default async function MarketingChallenges() {
  await requireRole(AREA_ROLES.marketing);
  return <PlaceholderHome area="marketing" />;
}
