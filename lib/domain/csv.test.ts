import { describe, expect, it } from "vitest";
import { csvCell, csvDecimal, csvField, csvRow, csvText, toCsv } from "./csv";

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


describe("CSV with a chosen separator", () => {
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
