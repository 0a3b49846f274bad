/** Helpers of the owner-side pages: CSV downloads with the session's token, dates, roles. */
import { apiBase } from './config';
import { ApiError } from './api';
import { currentSession, type Role } from './auth';

/** Whether the signed-in person has one of the roles. */
export function hasRole(...roles: Role[]): boolean {
  const s = currentSession();
  return !!s && s.roles.some((r) => roles.includes(r));
}

/**
 * Downloads a report as CSV: the API wants the bearer token, so the file is fetched and handed to the
 * browser as a blob link (a[download]). Resolves with the CSV text (shown to tests as data-last-csv).
 */
export async function downloadCsv(path: string, fallbackName: string): Promise<string> {
  const session = currentSession();
  const headers: Record<string, string> = { Accept: 'text/csv' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  const r = await fetch(apiBase + path + (path.includes('?') ? '&' : '?') + 'format=csv', { headers });
  const text = await r.text();
  if (!r.ok) {
    let problem: any = { detail: text };
    try {
      problem = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    throw new ApiError({ status: r.status, ...problem });
  }
  const disposition = r.headers.get('Content-Disposition') || '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
  document.body.setAttribute('data-last-csv', name);
  return text;
}

/** yyyy-MM-dd of a date n days before today (local time of the browser). */
export function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return d.toISOString().slice(0, 10);
}

/** A query string of the set values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}
