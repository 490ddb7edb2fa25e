// The browser's message formatter: the subset of ICU MessageFormat the catalog's client
// namespaces use ({arg}, {arg, number}, {arg, plural, …} with # and =n, {arg, select, …}, and
// ICU's apostrophe quoting), in about 1 KB instead of next-intl's parser and formatter (~15 KB
// gzip on every route). The server keeps next-intl. icu-lite.test.ts checks every message of the
// client namespaces, in both languages, against next-intl's own output.

export type Values = Record<string, string | number | boolean | null | undefined>;

type Node = string | { arg: string; kind?: "number" | "plural" | "select"; offset?: number; options?: Record<string, Node[]> };

const cache = new Map<string, Node[]>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

const numberFormat = (locale: string) => {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
};
const pluralRule = (locale: string) => {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
};

function parse(source: string): Node[] {
  let i = 0;
  const ws = () => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  const word = () => {
    ws();
    const start = i;
    while (i < source.length && !/[\s,{}]/.test(source[i])) i++;
    return source.slice(start, i);
  };
  const nodes = (inPlural: boolean): Node[] => {
    const out: Node[] = [];
    let text = "";
    while (i < source.length) {
      const c = source[i];
      if (c === "}") break;
      if (c === "'") {
        const next = source[i + 1];
        if (next === "'") {
          text += "'";
          i += 2;
        } else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          // Quoted literal up to the next lone apostrophe.
          i++;
          while (i < source.length) {
            if (source[i] === "'") {
              if (source[i + 1] === "'") {
                text += "'";
                i += 2;
                continue;
              }
              i++;
              break;
            }
            text += source[i++];
          }
        } else {
          text += c;
          i++;
        }
      } else if (c === "#" && inPlural) {
        if (text) out.push(text);
        text = "";
        out.push({ arg: "#" });
        i++;
      } else if (c === "{") {
        if (text) out.push(text);
        text = "";
        i++;
        out.push(argument());
      } else {
        text += c;
        i++;
      }
    }
    if (text) out.push(text);
    return out;
  };
  const argument = (): Node => {
    const arg = word();
    ws();
    if (source[i] === "}") {
      i++;
      return { arg };
    }
    i++; // ,
    const kind = word();
    ws();
    if (kind === "number") {
      if (source[i] === ",") throw new Error(`icu-lite: number styles are not supported (${source})`);
      i++;
      return { arg, kind };
    }
    if (kind !== "plural" && kind !== "select") throw new Error(`icu-lite: unsupported argument type ${kind} (${source})`);
    i++; // ,
    const options: Record<string, Node[]> = {};
    let offset = 0;
    for (;;) {
      ws();
      if (source[i] === "}") {
        i++;
        break;
      }
      const key = word();
      if (key.startsWith("offset:")) {
        offset = Number(key.slice(7) || word());
        continue;
      }
      ws();
      if (source[i] !== "{") throw new Error(`icu-lite: expected { after ${key} (${source})`);
      i++;
      options[key] = nodes(kind === "plural");
      i++; // }
    }
    return { arg, kind, offset, options };
  };
  return nodes(false);
}

function render(nodes: Node[], values: Values, locale: string, pluralValue?: number): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") {
      out += node;
      continue;
    }
    if (node.arg === "#") {
      out += pluralValue === undefined ? "#" : numberFormat(locale).format(pluralValue);
      continue;
    }
    const value = values[node.arg];
    if (!node.kind) out += value === undefined || value === null || value === false ? "" : String(value);
    else if (node.kind === "number") out += numberFormat(locale).format(Number(value));
    else if (node.kind === "select") {
      const branch = node.options![String(value)] ?? node.options!.other;
      out += render(branch ?? [], values, locale, pluralValue);
    } else {
      const n = Number(value) - (node.offset ?? 0);
      const branch = node.options![`=${Number(value)}`] ?? node.options![pluralRule(locale).select(n)] ?? node.options!.other;
      out += render(branch ?? [], values, locale, n);
    }
  }
  return out;
}

export function formatMessage(message: string, values: Values | undefined, locale: string): string {
  if (!/[{}']/.test(message)) return message;
  let nodes = cache.get(message);
  if (!nodes) cache.set(message, (nodes = parse(message)));
  return render(nodes, values ?? {}, locale);
}
