import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";
import { E2E_INGEST_SECRET } from "./ingest";

test.use({ storageState: storageState("creator") });

const run = promisify(execFile);

// `npm run simulate` at its default pace: a few seconds of it move the Stars bar by a small,
// believable step, exactly what the simulator reports it sent.
test("the simulator moves the Stars bar at a believable pace", async ({ page, baseURL }) => {
  await page.goto("/creator/challenges");
  await page.getByRole("link", { name: /view: stars challenge: stream and shine/i }).click();
  const stars = page.getByRole("progressbar", { name: /milestone 1/i });
  const before = Number(await stars.getAttribute("aria-valuenow"));

  const { stdout } = await run("npx", ["tsx", "scripts/simulate.ts", "--url", baseURL!, "--duration", "5", "--seed", "7", "--replay", "0"], {
    env: { ...process.env, INGEST_SECRET: E2E_INGEST_SECRET },
  });
  const totals = JSON.parse(/Totals: (.*)/.exec(stdout)![1]) as Record<string, number>;
  const sent = totals.stars_received ?? 0;
  expect(sent).toBeGreaterThan(0);
  // Five seconds of a Live: tens of Stars, not thousands.
  expect(sent).toBeLessThan(200);

  await page.reload();
  await expect(stars).toHaveAttribute("aria-valuenow", String(before + sent));
});
