import { describe, expect, it } from "vitest";
import { cellText, csvDocument, csvField, csvFormat, csvLine, csvText } from "./csv";

const fr = csvFormat("fr");
const en = csvFormat("en");

describe("the CSV writer", () => {
  it("uses the reader's conventions: French ';' and decimal commas, English ',' and points", () => {
    expect(fr).toEqual({ locale: "fr", sep: ";" });
    expect(en).toEqual({ locale: "en", sep: "," });
    expect(csvLine(["Mug", { money: 123_456 }, { money: -450 }, { rate: 1_082_500 }, "EUR"], fr)).toBe("Mug;1234,56;-4,50;1,0825;EUR\r\n");
    expect(csvLine(["Mug", { money: 123_456 }, { money: -450 }, { rate: 1_082_500 }, "EUR"], en)).toBe("Mug,1234.56,-4.50,1.0825,EUR\r\n");
  });

  it("lets a French reader pick commas without switching the language; the decimal mark follows the separator", () => {
    const frComma = csvFormat("fr", "comma");
    expect(frComma).toEqual({ locale: "fr", sep: "," });
    expect(csvFormat("en", "semicolon")).toEqual({ locale: "en", sep: ";" });
    expect(csvFormat("fr", "nonsense")).toEqual(fr);
    expect(csvLine([{ money: 1_050 }, { date: "2025-03-01" }], frComma)).toBe("10.50,01/03/2025\r\n");
  });

  it("writes money from integer minor units exactly, beyond what a float holds", () => {
    expect(cellText({ money: 9_007_199_254_740_991 }, en)).toBe("90071992547409.91");
    expect(cellText({ money: 5 }, fr)).toBe("0,05");
    expect(cellText({ money: -5 }, en)).toBe("-0.05");
    expect(cellText({ rate: 89_300 }, en)).toBe("0.0893");
    expect(cellText({ rate: 1_000_000 }, fr)).toBe("1");
    expect(() => cellText(12.5, en)).toThrow(RangeError);
  });

  it("writes dates as the reader does: 01/03/2025 in French, ISO in English, times in UTC", () => {
    const at = new Date("2025-03-01T14:05:09.123Z");
    expect(cellText({ date: at }, fr)).toBe("01/03/2025");
    expect(cellText({ date: at }, en)).toBe("2025-03-01");
    expect(cellText({ dateTime: at }, fr)).toBe("01/03/2025 14:05:09");
    expect(cellText({ dateTime: at }, en)).toBe("2025-03-01 14:05:09");
  });

  it("defuses every text cell a spreadsheet would run as a formula (= + - @ tab CR)", () => {
    for (const evil of ["=SUM(A1:A9)", "+1", "-2+3", "@cmd", "\tx", "\rx"]) expect(cellText(evil, en)).toBe(`'${evil}`);
    expect(csvLine(['=HYPERLINK("x")'], en)).toBe(`"'=HYPERLINK(""x"")"\r\n`);
    expect(cellText("Mug « Live »", fr)).toBe("Mug « Live »");
    // Amounts are typed cells, so a negative amount stays a number.
    expect(cellText({ money: -1_250 }, en)).toBe("-12.50");
  });

  it("quotes only what needs quoting (RFC 4180), per separator", () => {
    expect(csvField("plain", ",")).toBe("plain");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField("a,b", ";")).toBe("a,b");
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField('say "hi"', ",")).toBe('"say ""hi"""');
    expect(csvField("two\nlines", ",")).toBe('"two\nlines"');
    expect(csvField(" padded", ",")).toBe('" padded"');
    expect(csvText("@SUM")).toBe("'@SUM");
  });

  it("starts a file with a BOM and the header, ends records with CRLF; empty cells stay empty", () => {
    expect(csvDocument(["Date", "Montant"], [[{ date: "2025-03-01" }, { money: 100 }], [null, undefined]], fr)).toBe(
      "\uFEFFDate;Montant\r\n01/03/2025;1,00\r\n;\r\n",
    );
    expect(csvDocument(["a", "b"], [[1, "Zoë, café"]], en)).toBe('\uFEFFa,b\r\n1,"Zoë, café"\r\n');
  });
});
