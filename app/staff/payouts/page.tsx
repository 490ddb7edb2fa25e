import { PlaceholderHome } from "@/components/placeholder-home";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";

export default async function StaffPayouts() {
  await requireRole(AREA_ROLES.staff);
  return <PlaceholderHome area="staff" />;
}
