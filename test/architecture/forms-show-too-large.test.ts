import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// A body over 1 MiB never reaches the action (server.mjs answers 413): every form in app/ and
// components/ goes through useFormAction, which turns that answer into the form's own message.
describe("forms use useFormAction, not a bare useActionState", () => {
  it("refuses useActionState from react in app/ and components/", async () => {
    for (const file of ["app/staff/rates/_components/rate-form.tsx", "components/language-switch.tsx"]) {
      const messages = await restrictedImports(file, `"use client";\nimport { useActionState } from "react";\nexport const x = useActionState;\n`);
      expect(messages.join("\n")).toMatch(/Use useFormAction/);
    }
  });

  it("allows useFormAction and react's other hooks", async () => {
    expect(
      await restrictedImports(
        "app/staff/rates/_components/rate-form.tsx",
        `"use client";\nimport { useState } from "react";\nimport { useFormAction } from "@/lib/actions/use-form-action";\nexport const x = [useState, useFormAction];\n`,
      ),
    ).toEqual([]);
  });
});
