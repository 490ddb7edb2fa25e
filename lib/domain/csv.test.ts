import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes only what needs quoting, doubling quotes (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("keeps negative amounts as numbers but defuses formulas", () => {
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("@cmd")).toBe("'@cmd");
  });

  it("starts with a BOM and ends rows with CRLF", () => {
    const text = toCsv(["a", "b"], [["1", "Zoë, café"]]);
    expect(text.startsWith("\uFEFFa,b\r\n")).toBe(true);
    expect(text).toBe('\uFEFFa,b\r\n1,"Zoë, café"\r\n');
  });
});
