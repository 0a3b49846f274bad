/** Calls the staff API with the session's bearer token; errors carry the problem+json body. */
import { apiBase } from './config';
import { currentSession } from './auth';
import type { Answer, Schemas } from './types';

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

// --- after the order (docs/returns.md), the SMS choice (docs/notifications.md), a SKU's prices (docs/stock-import.md)

/** The order's answer to a refusal or a parcel back: the order's staff view. */
export function refuseParcel(orderId: string, reason: 'REFUSED' | 'NOT_COLLECTED'): Promise<any> {
  return api<any>(`/staff/orders/${encodeURIComponent(orderId)}/refusal`, { method: 'POST', body: { reason } });
}

export function receiveReturnedParcel(orderId: string): Promise<any> {
  return api<any>(`/staff/orders/${encodeURIComponent(orderId)}/returned-parcel`, { method: 'POST', body: {} });
}

export interface ReturnLineRequest {
  sku: string;
  qty: number;
  disposition: 'restock' | 'writeOff';
}

/** A return after delivery; one Idempotency-Key per form, so a double click registers one return. */
export function registerReturn(orderId: string, body: { reason: string; lines: ReturnLineRequest[] }, key: string): Promise<{ orderId: string; status: string; return: any }> {
  return api(`/staff/orders/${encodeURIComponent(orderId)}/returns`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
}

export const SMS_CONSENT_SOURCES = ['phone-call', 'email', 'sms-reply', 'in-person', 'letter', 'other'] as const;
export type SmsConsentSource = (typeof SMS_CONSENT_SOURCES)[number];

export interface SmsConsentChange {
  customerId: string;
  allowed: boolean;
  changed: boolean;
  step?: { kind: string; at: string; source: string; channel: 'SMS'; by: string; requestId?: string };
}

export function setSmsConsent(customerId: string, allowed: boolean, source: SmsConsentSource): Promise<SmsConsentChange> {
  return api(`/staff/customers/${encodeURIComponent(customerId)}/sms-consent`, { method: 'PUT', body: { allowed, source } });
}

/** A supplier's prices for a SKU (components/schemas/SupplierPricesEntry; a timeline entry of kind supplier has the same fields). */
export type SupplierPricesEntry = Schemas['SupplierPricesEntry'];

/** One page of a SKU's price timeline: supplier prices and shop price changes, newest first (docs/api.md#lists). */
export type SkuPrices = Answer<'/staff/stock/{sku}/prices'>;
export type PriceTimelineEntry = Schemas['PriceTimelineEntry'];

/** A page of the SKU's price timeline; the next one from the page's nextCursor. */
export function skuPrices(sku: string, cursor?: string | null): Promise<SkuPrices> {
  const q = new URLSearchParams({ limit: '100' });
  if (cursor) q.set('cursor', cursor);
  return api(`/staff/stock/${encodeURIComponent(sku)}/prices?${q}`);
}

/** The orders of a customer after the dossier's first page (its ordersNextCursor), a page at a time. */
export type CustomerOrders = Answer<'/staff/customers/{id}/orders'>;

export function customerOrders(customerId: string, cursor: string): Promise<CustomerOrders> {
  const q = new URLSearchParams({ limit: '50', cursor });
  return api(`/staff/customers/${encodeURIComponent(customerId)}/orders?${q}`);
}

/** The contact history of a customer after the dossier's first page (its historyNextCursor), a page at a time. */
export type CustomerHistory = Answer<'/staff/customers/{id}/history'>;
/** One contact: a call, a mail or SMS, a consent step or a note (`kind` says which). */
export type ContactHistoryEntry = Schemas['ContactHistoryEntry'];

export function customerHistory(customerId: string, cursor: string): Promise<CustomerHistory> {
  const q = new URLSearchParams({ limit: '50', cursor });
  return api(`/staff/customers/${encodeURIComponent(customerId)}/history?${q}`);
}
