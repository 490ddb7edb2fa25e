import { expect, test as setup } from "@playwright/test";
import { DEMO, storageState, type DemoRole } from "./fixtures";
import { LoginPage } from "./pages/login-page";

const HOMES: Record<DemoRole, RegExp> = {
  creator: /\/creator$/,
  staff: /\/staff\/payouts$/,
  staff2: /\/staff\/payouts$/,
  marketing: /\/marketing\/challenges$/,
  admin: /\/admin\/users$/,
};

// Each demo role signs in once and lands on its home; later specs reuse the saved session.
for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`${role} signs in and lands on their home`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO[role]);
    await expect(page).toHaveURL(HOMES[role]);
    await expect(page.getByRole("navigation", { name: /main navigation|navigation principale/i })).toBeVisible();
    await page.context().storageState({ path: storageState(role) });
  });
}
