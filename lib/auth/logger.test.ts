import { CredentialsSignin, JWTSessionError } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./logger";

afterEach(() => vi.restoreAllMocks());

describe("Auth.js logger", () => {
  it("logs one line for a garbage session cookie, nothing for a wrong password, the whole error otherwise", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error(new JWTSessionError("Invalid Compact JWE"));
    expect(warn.mock.calls).toEqual([["auth: ignored an unreadable session cookie"]]);
    authLogger.error(new CredentialsSignin());
    expect(error).not.toHaveBeenCalled();
    const surprise = new Error("database down");
    authLogger.error(surprise);
    expect(error.mock.calls).toEqual([[surprise]]);
  });
});
