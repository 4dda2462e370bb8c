/**
 * The explorer's sign-in: a token (from `npm run token`) kept for this browser tab only and sent
 * as `Authorization: Bearer …` unless the headers editor sets an Authorization header itself.
 * The page only reads the token's claims to show who is signed in; the hub verifies it.
 */
const KEY = 'nsc-hub.explorer.token';

export interface TokenClaims {
  readonly sub?: string;
  readonly role?: string;
  readonly country?: string;
  readonly exp?: number;
}

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/** The claims of a compact JWT, or null when the text is not one. */
export function claimsOf(token: string): TokenClaims | null {
  const parts = token.trim().replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(decodeURIComponent(escape(json)));
    return claims !== null && typeof claims === 'object' ? (claims as TokenClaims) : null;
  } catch {
    return null;
  }
}

/** A pasted token without a `Bearer ` prefix or surrounding space. */
export function bareToken(text: string): string {
  return text.trim().replace(/^Bearer\s+/i, '');
}
