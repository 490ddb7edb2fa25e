import { redirect } from "next/navigation";
import { HOME_BY_ROLE, getCurrentUser } from "@/lib/dal/session";

// "/" sends each role to its home, and a signed-out visitor to the sign-in page.
export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? HOME_BY_ROLE[user.role] : "/login");
}
