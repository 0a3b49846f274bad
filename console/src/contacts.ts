/** A customer's name and phone for a task or an order (the dossier; a role without it sees none). */
import { api } from './api';
import type { Answer } from './types';

export interface Contact {
  id: string;
  name?: string;
  phone?: string;
  email?: string;
}

const cache = new Map<string, Promise<Contact | null>>();

export function customerContact(customerId: string | undefined | null): Promise<Contact | null> {
  if (!customerId) return Promise.resolve(null);
  let p = cache.get(customerId);
  if (!p) {
    p = api<Answer<'/staff/customers/{id}'>>(`/staff/customers/${encodeURIComponent(customerId)}`).then(
      (d) => ({ id: customerId, name: d.customer?.name, phone: d.customer?.phone, email: d.customer?.email }),
      () => null,
    );
    cache.set(customerId, p);
    setTimeout(() => cache.delete(customerId), 60000);
  }
  return p;
}
