import { describe, expect, it } from "vitest";
import { lifecycleOf } from "./lifecycle";

const window = { startsAt: new Date("2026-11-01T00:00:00Z"), endsAt: new Date("2026-12-01T00:00:00Z") };

describe("lifecycleOf", () => {
  it("derives scheduled, live and ended from the clock", () => {
    const published = { ...window, state: "published" as const };
    expect(lifecycleOf(published, new Date("2026-10-31T23:59:59Z"))).toBe("scheduled");
    expect(lifecycleOf(published, new Date("2026-11-01T00:00:00Z"))).toBe("live");
    expect(lifecycleOf(published, new Date("2026-11-30T23:59:59Z"))).toBe("live");
    expect(lifecycleOf(published, new Date("2026-12-01T00:00:00Z"))).toBe("ended");
  });

  it("keeps drafts and archives as they are", () => {
    expect(lifecycleOf({ ...window, state: "draft" }, new Date("2026-11-15T00:00:00Z"))).toBe("draft");
    expect(lifecycleOf({ ...window, state: "archived" }, new Date("2026-11-15T00:00:00Z"))).toBe("archived");
  });
});
