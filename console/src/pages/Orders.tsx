import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Answer } from '../types';
import { currentSession } from '../auth';
import { formatDateTime, formatMoney, t } from '../i18n';
import { currentQuery } from '../router';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

export const STATUSES = ['NEW', 'AWAITING_PAYMENT', 'PAID', 'CONFIRMED', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNING', 'RETURNED'];
export const CHANNELS = ['SITE', 'PHONE', 'EMAIL'];

interface Filters {
  status: string;
  manager: string;
  channel: string;
  from: string;
  to: string;
  q: string;
}

/**
 * Orders: status and manager filter on the server; channel, dates and the search by number or phone on the
 * loaded pages (up to 100 orders a page, "more" loads the next).
 */
export function Orders(_props: { params: Record<string, string> }) {
  const session = currentSession();
  const isOwner = !!session?.roles.includes('owner');
  const q = currentQuery();
  const [f, setF] = useState<Filters>({
    status: q.get('status') || 'NEW', manager: q.get('manager') || '', channel: '', from: '', to: '', q: '',
  });
  const [pages, setPages] = useState<Answer<'/staff/orders'>['orders'][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const load = useLoad(async () => {
    const params = new URLSearchParams({ limit: '100' });
    if (f.status) params.set('status', f.status);
    if (f.manager && isOwner) params.set('manager', f.manager);
    const page = await api<Answer<'/staff/orders'>>('/staff/orders?' + params);
    setPages([page.orders]);
    setCursor(page.nextCursor || null);
    return page;
  }, [f.status, f.manager], 15000);

  async function more() {
    const params = new URLSearchParams({ limit: '100', cursor: cursor! });
    if (f.status) params.set('status', f.status);
    if (f.manager && isOwner) params.set('manager', f.manager);
    const page = await api<Answer<'/staff/orders'>>('/staff/orders?' + params);
    setPages([...pages, page.orders]);
    setCursor(page.nextCursor || null);
  }

  const set = (k: keyof Filters) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const needle = f.q.trim().toLowerCase().replace(/\s+/g, '');
  // a phone in any notation (8 (903) 111-22-33, +7 903 …): the customers with it, found by the staff API's
  // customer search (owner and manager), and their orders among the loaded ones
  const digits = f.q.replace(/\D/g, '');
  const canSearchCustomers = !!session?.roles.some((r) => r === 'owner' || r === 'manager');
  const phoneLike = (digits.length === 10 || (digits.length === 11 && /^[78]/.test(digits))) && /^[+\d\s()\-]+$/.test(f.q.trim());
  const phone = canSearchCustomers && phoneLike ? digits : '';
  // every order of those customers, whatever its status (each customer's dossier; a manager reads only
  // the dossiers of their own customers)
  const byPhone = useLoad(async () => {
    if (!phone) return null;
    const found = (await api<Answer<'/staff/customers'>>('/staff/customers?q=' + encodeURIComponent(phone))).customers;
    const dossiers = await Promise.all(found.map((c) =>
      api<Answer<'/staff/customers/{id}'>>('/staff/customers/' + encodeURIComponent(c.id)).catch(() => ({ orders: [] }))));
    return dossiers.flatMap((d) => d.orders || []);
  }, [phone]);
  const source = phone ? (byPhone.data || []) : pages.flat();
  const orders = source.filter((o) =>
    (!f.channel || o.channel === f.channel)
    && (!f.from || o.createdAt >= f.from)
    && (!f.to || o.createdAt.substring(0, 10) <= f.to)
    && (!needle || !!phone
      || String(o.number || '').toLowerCase().includes(needle) || String(o.id).toLowerCase().includes(needle)));

  return (
    <Page title={t('orders.title')} id="orders"
      actions={session?.roles.some((r) => r === 'owner' || r === 'manager') ? <a class="button" href="#/orders/new">{t('nav.newOrder')}</a> : null}>
      <form class="row filters" role="search" aria-label={t('orders.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>{t('orders.search')}<input type="search" value={f.q} onInput={set('q')} data-filter="q" placeholder={t('orders.searchHint')} /></label>
        <label>{t('orders.status')}
          <select value={f.status} onChange={set('status')} data-filter="status">
            {STATUSES.map((s) => <option key={s} value={s}>{t('status.' + s)}</option>)}
          </select>
        </label>
        <label>{t('orders.channel')}
          <select value={f.channel} onChange={set('channel')} data-filter="channel">
            <option value="">{t('orders.any')}</option>
            {CHANNELS.map((c) => <option key={c} value={c}>{t('channel.' + c)}</option>)}
          </select>
        </label>
        {isOwner ? <label>{t('orders.manager')}<input value={f.manager} onChange={set('manager')} data-filter="manager" placeholder="mgr-…" /></label> : null}
        <label>{t('orders.from')}<input type="date" value={f.from} onInput={set('from')} data-filter="from" /></label>
        <label>{t('orders.to')}<input type="date" value={f.to} onInput={set('to')} data-filter="to" /></label>
      </form>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {phone && byPhone.error ? <ErrorBox error={byPhone.error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      {load.data && orders.length === 0 ? <p class="muted">{t('orders.none')}</p> : null}
      {orders.length ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('orders.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orders.number')}</th>
                <th scope="col">{t('orders.created')}</th>
                <th scope="col">{t('orders.status')}</th>
                <th scope="col">{t('orders.channel')}</th>
                <th scope="col">{t('orders.total')}</th>
                <th scope="col">{t('orders.manager')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-order={o.id}>
                  <td><a href={`#/orders/${encodeURIComponent(o.id)}`}>{o.number || o.id}</a></td>
                  <td>{formatDateTime(o.createdAt)}</td>
                  <td><span class={'badge status-' + o.status}>{t('status.' + o.status)}</span></td>
                  <td>{t('channel.' + o.channel)}</td>
                  <td>{formatMoney(o.totalMinor, o.currency)}</td>
                  <td>{o.managerId || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursor && !phone ? <p><button type="button" onClick={more}>{t('orders.more')}</button></p> : null}
    </Page>
  );
}
