"use client";

// What client components translate with: the same calls as next-intl's (useTranslations,
// useLocale, t(key, values), t.has(key)), on the messages the layouts send (client-messages.ts),
// formatted by icu-lite.ts. next-intl stays on the server; its client runtime (the ICU parser and
// formatter, ~15 KB gzip) is no longer part of any route's first load.
//
// An area's provider adds its namespaces to those of the root's provider instead of sending the
// common ones again.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatMessage, type Values } from "./icu-lite";

export type ClientMessages = { [key: string]: string | ClientMessages };

const Context = createContext<{ locale: string; messages: ClientMessages } | null>(null);

// The messages arrive as JSON text (client-messages.ts). There are a few texts (languages ×
// areas), so each is parsed once per process or page, not on every render or server request.
const parsed = new Map<string, ClientMessages>();
function parse(text: string): ClientMessages {
  let messages = parsed.get(text);
  if (!messages) {
    if (parsed.size >= 32) parsed.clear();
    parsed.set(text, (messages = JSON.parse(text) as ClientMessages));
  }
  return messages;
}

/** `messages`: the JSON text of lib/i18n/client-messages.ts's clientMessages(). */
export function ClientMessagesProvider({ locale, messages: text, children }: { locale?: string; messages: string; children: ReactNode }) {
  const parent = useContext(Context);
  const value = useMemo(() => {
    const messages = parse(text);
    return { locale: locale ?? parent?.locale ?? "en", messages: parent ? { ...parent.messages, ...messages } : messages };
  }, [locale, text, parent]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function useMessages() {
  const context = useContext(Context);
  if (!context) throw new Error("ClientMessagesProvider is missing above this component");
  return context;
}

export function useLocale(): string {
  return useMessages().locale;
}

function lookup(messages: ClientMessages, path: string): string | ClientMessages | undefined {
  let at: string | ClientMessages | undefined = messages;
  for (const part of path.split(".")) {
    if (at === undefined || typeof at === "string") return undefined;
    at = at[part];
  }
  return at;
}

export type Translate = ((key: string, values?: Values) => string) & { has: (key: string) => boolean };

export function useTranslations(namespace?: string): Translate {
  const { locale, messages } = useMessages();
  return useMemo(() => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const translate = (key: string, values?: Values) => {
      const message = lookup(messages, full(key));
      if (typeof message !== "string") {
        if (process.env.NODE_ENV !== "production") console.error(`Missing message: ${full(key)} (${locale})`);
        return full(key);
      }
      return formatMessage(message, values, locale);
    };
    return Object.assign(translate, { has: (key: string) => typeof lookup(messages, full(key)) === "string" });
  }, [locale, messages, namespace]);
}
