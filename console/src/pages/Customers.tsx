import { useState } from 'preact/hooks';
import '../owner.css';
import { api } from '../api';
import { formatDateTime, formatMoney, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

interface Found { id: string; name: string; email: string; phone?: string; managerId?: string; createdAt?: string }
interface SearchResult { query: string; kind: 'PHONE' | 'EMAIL' | 'NAME'; customers: Found[] }
interface Dossier {
  customer: {
    id: string; name: string; email: string; phone?: string; birthday?: string; locale?: string; createdAt?: string;
    marketingConsent: boolean; consentConfirmedAt?: string; consentPendingSince?: string; managerId?: string;
  };
  manager?: { id: string; name: string; onShift: boolean } | null;
  orders: {
    id: string; number: string; status: string; channel: string; totalMinor: number; createdAt: string;
  }[];
  totals: { orderCount: number; cancelledCount: number; revenueMinor: number; averageCheckMinor: number; firstOrderAt?: string; lastOrderAt?: string };
}

/** Customers: search by phone, e-mail or name; each result opens the dossier. */
export function Customers(_props: { params: Record<string, string> }) {
  const [q, setQ] = useState(() => new URLSearchParams(location.hash.split('?')[1] || '').get('q') || '');
  const [asked, setAsked] = useState(q);
  const load = useLoad(() => (asked.trim() ? api<SearchResult>('/staff/customers?q=' + encodeURIComponent(asked.trim())) : Promise.resolve(null)), [asked]);
  return (
    <Page title={t('nav.customers')} id="customers">
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(q);
        }}
      >
        <label class="grow">
          {t('customers.search')}
          <input type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} placeholder="+7 916 123-45-67, anna@example.com, Петрова" data-field="customer-q" />
        </label>
        <button type="submit" class="primary">{t('customers.find')}</button>
      </form>
      <p class="muted small">{t('customers.hint')}</p>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && asked ? <Loading /> : null}
      {load.data && load.data.customers.length === 0 ? <p class="muted">{t('customers.none')}</p> : null}
      {load.data && load.data.customers.length ? (
        <div class="table-wrap" tabIndex={0}>
          <table data-table="customers">
            <thead>
              <tr><th scope="col">{t('customers.name')}</th><th scope="col">{t('customers.phone')}</th><th scope="col">{t('customers.email')}</th><th scope="col">{t('customers.manager')}</th></tr>
            </thead>
            <tbody>
              {load.data.customers.map((c) => (
                <tr key={c.id} data-customer={c.id}>
                  <td><a href={`#/customers/${encodeURIComponent(c.id)}`}>{c.name}</a></td>
                  <td>{c.phone ? <a href={'tel:' + c.phone}>{c.phone}</a> : '—'}</td>
                  <td>{c.email}</td>
                  <td>{c.managerId || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}

/** A customer's dossier: contacts, consent, manager, totals, orders and every call about them. */
export function CustomerPage(props: { params: Record<string, string> }) {
  const id = props.params.id;
  const load = useLoad(() => api<Dossier>('/staff/customers/' + encodeURIComponent(id)), [id]);
  const d = load.data;
  // the calls: each order's file (its 20 newest orders), newest call first
  const calls = useLoad(async () => {
    if (!d) return [] as any[];
    const files = await Promise.all(d.orders.slice(0, 20).map((o) =>
      api<{ number: string; calls?: any[] }>('/staff/orders/' + encodeURIComponent(o.id)).catch(() => null)));
    return files.flatMap((f) => (f && f.calls ? f.calls.map((c) => ({ ...c, number: f.number })) : []))
      .sort((a, b) => String(b.at).localeCompare(String(a.at)));
  }, [d]);
  return (
    <Page title={d ? d.customer.name : t('customers.dossier')} id="customer" actions={<a href="#/customers">{t('customers.back')}</a>}>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !d ? <Loading /> : null}
      {d ? (
        <div class="dossier">
          <section class="card" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t('customers.contacts')}</h2>
            <dl class="facts">
              <dt>{t('customers.phone')}</dt><dd>{d.customer.phone ? <a href={'tel:' + d.customer.phone}>{d.customer.phone}</a> : '—'}</dd>
              <dt>{t('customers.email')}</dt><dd><a href={'mailto:' + d.customer.email}>{d.customer.email}</a></dd>
              <dt>{t('customers.since')}</dt><dd>{formatDateTime(d.customer.createdAt)}</dd>
              <dt>{t('customers.manager')}</dt><dd>{d.manager ? d.manager.name : d.customer.managerId || '—'}</dd>
              <dt>{t('customers.consent')}</dt>
              <dd>
                {d.customer.marketingConsent ? <span class="badge ok">{t('customers.consentYes')}</span>
                  : d.customer.consentPendingSince ? <span class="badge">{t('customers.consentPending')}</span>
                  : <span class="badge">{t('customers.consentNo')}</span>}
              </dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="totals-title">
            <h2 id="totals-title">{t('customers.totals')}</h2>
            <dl class="totals">
              <div><dt>{t('customers.orders')}</dt><dd data-total="orders">{d.totals.orderCount}</dd></div>
              <div><dt>{t('customers.cancelled')}</dt><dd>{d.totals.cancelledCount}</dd></div>
              <div><dt>{t('customers.revenue')}</dt><dd data-total="revenue">{formatMoney(d.totals.revenueMinor)}</dd></div>
              <div><dt>{t('customers.avgCheck')}</dt><dd data-total="average">{formatMoney(d.totals.averageCheckMinor)}</dd></div>
            </dl>
          </section>
          <section aria-labelledby="orders-title">
            <h2 id="orders-title">{t('customers.orderList')}</h2>
            {d.orders.length === 0 ? <p class="muted">{t('customers.noOrders')}</p> : (
              <div class="table-wrap" tabIndex={0}>
                <table data-table="customer-orders">
                  <thead>
                    <tr>
                      <th scope="col">{t('customers.number')}</th><th scope="col">{t('customers.date')}</th><th scope="col">{t('customers.status')}</th>
                      <th scope="col" class="num">{t('customers.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.orders.map((o) => (
                      <tr key={o.id}>
                        <td><a href={`#/orders/${encodeURIComponent(o.id)}`}>{o.number}</a></td>
                        <td>{formatDateTime(o.createdAt)}</td>
                        <td>{o.status}</td>
                        <td class="num">{formatMoney(o.totalMinor)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="calls-title">
            <h2 id="calls-title">{t('customers.calls')}</h2>
            {calls.data && calls.data.length === 0 ? <p class="muted">{t('customers.noCalls')}</p> : null}
            {calls.data && calls.data.length ? (
              <ol class="history" data-list="customer-calls">
                {calls.data.map((c: any) => (
                  <li key={c.number + c.id}>{formatDateTime(c.at)} — {c.number}: {t('call.' + String(c.outcome))}{c.by ? ` (${c.by})` : ''}{c.reason ? `: ${c.reason}` : ''}</li>
                ))}
              </ol>
            ) : null}
          </section>
        </div>
      ) : null}
    </Page>
  );
}
