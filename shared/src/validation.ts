import { ERRORS } from './errors';

/**
 * Input checks shared by every mutation. Each failure is BAD_USER_INPUT naming the field
 * (`extensions.field`), so a form can put the message next to the right input.
 */
export function invalid(field: string, message: string) {
  return ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });
}

/** Ids of records: lower-case ASCII letters, digits and single dashes (`nordic-safe-cities`). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** City ids: the country code in lower case, a dash, then a slug (`dk-aarhus`). */
export const CITY_ID = /^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/;
/** Ids the database generates (memberships, participations). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Years a publication or event date may fall in: a typo such as 0202 is caught, history is not. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function requiredText(value: string | null | undefined, field: string, max = 200): string {
  if (value === null || value === undefined) throw invalid(field, 'is required');
  const text = value.trim();
  if (text.length === 0) throw invalid(field, 'must not be empty');
  if (text.length > max) throw invalid(field, `must be at most ${max} characters`);
  if (CONTROL_CHARS.test(text)) throw invalid(field, 'must not contain control characters');
  return text;
}

/** undefined stays undefined (leave as is), null or blank becomes null (clear). */
export function optionalText(value: string | null | undefined, field: string, max = 200): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return requiredText(value, field, max);
}

/** An optional id of the given shape (SLUG, CITY_ID): undefined leaves as is, null clears. */
export function optionalId(value: string | null | undefined, field: string, pattern: RegExp, what: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const id = value.trim();
  if (!pattern.test(id) || id.length > 100) throw invalid(field, `"${value}" is not ${what}`);
  return id;
}

export function optionalInt(value: number | null | undefined, field: string, min: number, max: number): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function countryCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw invalid(field, 'must be an ISO 3166-1 alpha-2 country code such as DK');
  return code;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(value: string | null | undefined, field: string): string | null | undefined {
  const text = optionalText(value, field, 254);
  if (text && !EMAIL.test(text)) throw invalid(field, 'must be an e-mail address such as name@example.org');
  return text;
}

const PHONE = /^\+?[0-9(][0-9 ()-]{4,29}$/;

export function optionalPhone(value: string | null | undefined, field: string): string | null | undefined {
  const text = optionalText(value, field, 30);
  if (text && !PHONE.test(text)) throw invalid(field, 'must be a phone number of digits, spaces, dashes, parentheses and an optional leading +');
  return text;
}

/** A stable, URL-safe slug: lower-case ASCII letters, digits and single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/å/gi, 'a')
    .replace(/ð/gi, 'd')
    .replace(/þ/gi, 'th')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An http(s) address, normalised: undefined leaves as is, null or blank clears. */
export function optionalHttpUrl(value: string | null | undefined, field: string, max = 2000): string | null | undefined {
  const text = optionalText(value, field, max);
  if (!text) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(field, `"${text}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(field, 'must be an http or https URL');
  return url.toString();
}
