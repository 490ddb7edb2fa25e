import { PlaceholderHome } from "@/components/placeholder-home";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";

export default async function AdminUsers() {
  await requireRole(AREA_ROLES.admin);
  return <PlaceholderHome area="admin" />;
}
