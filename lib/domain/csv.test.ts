import { describe, expect, it } from "vitest";
import { csvDecimal, csvField, csvRow, csvText } from "./csv";

describe("CSV", () => {
  it("quotes per RFC 4180 only when needed", () => {
    expect(csvField("plain", ",")).toBe("plain");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField("a,b", ";")).toBe("a,b");
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField('say "hi"', ",")).toBe('"say ""hi"""');
    expect(csvField("two\nlines", ",")).toBe('"two\nlines"');
    expect(csvField(" padded", ",")).toBe('" padded"');
  });

  it("ends records with CRLF", () => {
    expect(csvRow(["a", "b c", "d,e"], ",")).toBe('a,b c,"d,e"\r\n');
  });

  it("defuses formulas in free text", () => {
    expect(csvText("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(csvText("@SUM")).toBe("'@SUM");
    expect(csvText("Mug « Live »")).toBe("Mug « Live »");
  });

  it("writes a decimal comma with the semicolon separator", () => {
    expect(csvDecimal("-12.34", ";")).toBe("-12,34");
    expect(csvDecimal("-12.34", ",")).toBe("-12.34");
  });
});
