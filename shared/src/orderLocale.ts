import { decodeCursor } from './pagination';
import { invalid } from './validation';

/** The languages whose alphabetical order lists by name can follow (PostgreSQL's ICU collations). */
export const ORDER_LOCALES = ['da', 'nb', 'nn', 'sv', 'fi', 'is', 'fo', 'kl', 'en'] as const;
export type OrderLocale = (typeof ORDER_LOCALES)[number];

/**
 * The order when a request names none: English, which is Unicode's default order (Å, Ä, Æ, Ö, Ø
 * beside A and O), the one order no Nordic reader finds foreign to another's names.
 */
export const DEFAULT_ORDER_LOCALE: OrderLocale = 'en';

/** Tags that mean a supported order: Norwegian (`no`) is Bokmål's. */
const ALIASES: Readonly<Record<string, OrderLocale>> = { no: 'nb' };

function supported(tag: string): OrderLocale | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  if ((ORDER_LOCALES as readonly string[]).includes(language)) return language as OrderLocale;
  return ALIASES[language];
}

/** The order an `Accept-Language` header asks for: its most wanted supported language, else the default. */
export function orderLocaleFromHeader(acceptLanguage: string | undefined): OrderLocale {
  if (!acceptLanguage) return DEFAULT_ORDER_LOCALE;
  const wanted = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return DEFAULT_ORDER_LOCALE;
}

/** A list's `orderLocale` argument, else the request's order; an unsupported one is the caller's mistake. */
export function orderLocaleOf(argument: string | null | undefined, requested: OrderLocale): OrderLocale {
  if (argument === null || argument === undefined) return requested;
  const locale = supported(argument);
  if (!locale) throw invalid('orderLocale', `"${argument}" is not an order the hub knows (${ORDER_LOCALES.join(', ')})`);
  return locale;
}

/** The SQL `COLLATE` clause of a locale's alphabetical order (only ever one of ORDER_LOCALES). */
export function collate(locale: OrderLocale): string {
  return `COLLATE "${locale}-x-icu"`;
}

/**
 * A cursor of a list by name in one locale's order: the order is part of it, so a page asked for
 * in another order is refused rather than silently skipping or repeating rows.
 */
export function decodeNameCursor(after: string | null | undefined, locale: OrderLocale): readonly [string, string] | null {
  const key = decodeCursor(after, ['string', 'string', 'string']);
  if (!key) return null;
  if (key[0] !== locale) throw invalid('after', `the cursor belongs to the "${String(key[0])}" order, not "${locale}": ask with the order it came from, or start again`);
  return [key[1] as string, key[2] as string];
}

/** The cursor key of a row in a list by name: its locale, name and id. */
export const nameCursorKey = (locale: OrderLocale, name: string, id: string): string[] => [locale, name, id];
