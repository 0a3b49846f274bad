/**
 * Who is signed in. The session is a staff JWT (Cognito's ID token in AWS, a local-mode token locally)
 * kept in sessionStorage; roles are its cognito:groups claim. The API checks every call itself: the
 * console only hides what the role may not do.
 */
import { apiBase, config, consoleUrl } from './config';

export type Role = 'owner' | 'manager' | 'warehouse' | 'marketing';

export interface Session {
  token: string;
  staffId: string;
  name: string;
  roles: Role[];
  expiresAt: number;
}

const STORAGE = 'storeops.session';
const PKCE = 'storeops.pkce';

function b64urlDecode(s: string): string {
  const b = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b + '='.repeat((4 - (b.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

function b64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The session of a token (its claims; the signature is the API's business). */
export function sessionOf(token: string, name?: string): Session {
  const claims = JSON.parse(b64urlDecode(token.split('.')[1] || ''));
  let groups: unknown = claims['cognito:groups'] ?? [];
  if (typeof groups === 'string') groups = groups.replace(/[[\]]/g, '').split(/[\s,]+/).filter(Boolean);
  const known: Role[] = ['owner', 'manager', 'warehouse', 'marketing'];
  return {
    token,
    staffId: claims.sub,
    name: name || claims.name || claims.email || claims['cognito:username'] || claims.sub,
    roles: (groups as string[]).filter((g): g is Role => (known as string[]).includes(g)),
    expiresAt: (claims.exp || 0) * 1000,
  };
}

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(STORAGE);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session) {
  sessionStorage.setItem(STORAGE, JSON.stringify(s));
}

export function signOut() {
  sessionStorage.removeItem(STORAGE);
  if (config.signIn === 'cognito' && config.cognitoDomain && config.cognitoClientId) {
    location.assign(`${config.cognitoDomain}/logout?client_id=${encodeURIComponent(config.cognitoClientId)}&logout_uri=${encodeURIComponent(consoleUrl)}`);
  } else {
    location.hash = '#/';
    location.reload();
  }
}

// ---------------------------------------------------------------- local mode

export interface DemoStaff {
  id: string;
  name: string;
  roles: Role[];
}

/** Local mode: the demo staff (GET /_local/console/staff). */
export async function localStaff(): Promise<DemoStaff[]> {
  const r = await fetch(`${apiBase}/_local/console/staff`);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return (await r.json()).staff;
}

/** Local mode: a token signed by local mode for a demo person (POST /_local/console/sign-in?staff=ID). */
export async function localSignIn(staff: DemoStaff): Promise<Session> {
  const r = await fetch(`${apiBase}/_local/console/sign-in?staff=${encodeURIComponent(staff.id)}`, { method: 'POST' });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  const s = sessionOf((await r.json()).token, staff.name);
  saveSession(s);
  return s;
}

// ---------------------------------------------------------------- Cognito hosted UI, code + PKCE

export function cognitoConfigured(): boolean {
  return !!(config.cognitoDomain && config.cognitoClientId);
}

/** Sends the browser to the hosted UI with a fresh PKCE verifier and state. */
export async function cognitoSignIn() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, hash: location.hash }));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: config.cognitoClientId!,
    redirect_uri: consoleUrl,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  location.assign(`${config.cognitoDomain}/oauth2/authorize?${q}`);
}

/** On return from the hosted UI (?code&state): swaps the code for tokens; null when not a return. */
export async function completeCognitoSignIn(): Promise<Session | null> {
  const q = new URLSearchParams(location.search);
  const code = q.get('code');
  if (!code) return null;
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', consoleUrl + (pending?.hash || ''));
  if (!pending || pending.state !== q.get('state')) throw new Error('state mismatch');
  const r = await fetch(`${config.cognitoDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.cognitoClientId!,
      code,
      redirect_uri: consoleUrl,
      code_verifier: pending.verifier,
    }),
  });
  if (!r.ok) throw new Error(`token endpoint ${r.status}`);
  const tokens = await r.json();
  // the ID token: its audience is the app client, as the StaffJwt authorizer expects, and it has the groups
  const s = sessionOf(tokens.id_token);
  saveSession(s);
  return s;
}
