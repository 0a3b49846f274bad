/** Calls the staff API with the session's bearer token; errors carry the problem+json body. */
import { apiBase } from './config';
import { currentSession } from './auth';
import type { Schemas } from './types';

/** An error answer (components/schemas/Problem; a gateway's bare error may lack all but the status). */
export type Problem = Partial<Schemas['Problem']> & Pick<Schemas['Problem'], 'status'>;

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
  }
  get status() {
    return this.problem.status;
  }
}

export async function api<T = any>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const session = currentSession();
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers || {}) };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(apiBase + path, {
    method: init.method || 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await r.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { detail: text };
  }
  if (!r.ok) throw new ApiError({ status: r.status, ...(body || {}) });
  return body as T;
}

/** A fresh Idempotency-Key for one user action (a retried click does not act twice). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
