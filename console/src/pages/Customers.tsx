import { useState } from 'preact/hooks';
import '../owner.css';
import { api, customerHistory, customerOrders, type ContactHistoryEntry } from '../api';
import type { Answer } from '../types';
import { formatDateTime, formatMoney, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';
import { SmsConsentControl } from './SmsConsent';

type SearchResult = Answer<'/staff/customers'>;
type Dossier = Answer<'/staff/customers/{id}'>;

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

/** A form to add a staff note (at most 2000 characters); the dossier reloads with the note on top. */
function NoteForm(props: { customerId: string; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="note-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim() || busy) return;
        setBusy(true);
        try {
          await api('/staff/customers/' + encodeURIComponent(props.customerId) + '/notes', { method: 'POST', body: { text } });
          setText('');
          setError(null);
          props.onAdded();
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label>
        {t('customers.newNote')}
        <textarea rows={3} maxLength={2000} value={text} data-field="note-text" onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="primary" disabled={busy || !text.trim()} data-action="add-note">{t('customers.addNote')}</button>
      {error ? <ErrorBox error={error} /> : null}
    </form>
  );
}

/**
 * The pages of a list after the first one an answer carries (docs/api.md#lists): `reset` with the answer's
 * cursor, `more` appends the next page to `items` and moves the cursor (null after the last page).
 */
function useMorePages<T>(page: (cursor: string) => Promise<{ items: T[]; nextCursor?: string | null }>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return {
    items,
    cursor,
    error,
    reset(first: string | null | undefined) {
      setItems([]);
      setCursor(first || null);
    },
    async more() {
      try {
        const next = await page(cursor!);
        setItems([...items, ...next.items]);
        setCursor(next.nextCursor || null);
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
  };
}

/**
 * A customer's dossier: contacts, consent, manager, totals, orders, and the contact history (calls, mails and
 * SMS, consent steps and notes) from its pages loaded so far: the dossier's first, "more" for the earlier ones.
 */
export function CustomerPage(props: { params: Record<string, string> }) {
  const id = props.params.id;
  // the dossier carries the first page of its orders and of its contact history; "more" loads the next ones
  const olderOrders = useMorePages((cursor) => customerOrders(id, cursor).then((p) => ({ items: p.orders, nextCursor: p.nextCursor })));
  const olderHistory = useMorePages((cursor) => customerHistory(id, cursor).then((p) => ({ items: p.entries, nextCursor: p.nextCursor })));
  const load = useLoad(async () => {
    const dossier = await api<Dossier>('/staff/customers/' + encodeURIComponent(id));
    olderOrders.reset(dossier.ordersNextCursor);
    olderHistory.reset(dossier.historyNextCursor);
    return dossier;
  }, [id]);
  const d = load.data;
  const orders = d ? [...d.orders, ...olderOrders.items] : [];
  // the history's entries loaded so far (newest first, every kind merged), shown by kind
  const entries: ContactHistoryEntry[] = d ? [...d.history, ...olderHistory.items] : [];
  const h = d ? {
    calls: entries.flatMap((e) => (e.kind === 'call' ? [e.call] : [])),
    messages: entries.flatMap((e) => (e.kind === 'mail' || e.kind === 'sms' ? [e.message] : [])),
    consent: entries.flatMap((e) => (e.kind === 'consent' ? [e.consent] : [])),
    notes: entries.flatMap((e) => (e.kind === 'note' ? [e.note] : [])),
  } : undefined;
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
              <dt>{t('sms.title')}</dt>
              <dd>{/* the choice in force from every step on the profile, not only the history's loaded pages */}
                <SmsConsentControl customerId={id} consent={d.customer.consentHistory} onChanged={load.reload} /></dd>
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
            {orders.length === 0 ? <p class="muted">{t('customers.noOrders')}</p> : (
              <div class="table-wrap" tabIndex={0}>
                <table data-table="customer-orders">
                  <thead>
                    <tr>
                      <th scope="col">{t('customers.number')}</th><th scope="col">{t('customers.date')}</th><th scope="col">{t('customers.status')}</th>
                      <th scope="col" class="num">{t('customers.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {orders.map((o) => (
                      <tr key={o.id} data-order={o.id}>
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
            {olderOrders.error ? <ErrorBox error={olderOrders.error} /> : null}
            {olderOrders.cursor ? <p><button type="button" data-action="more-orders" onClick={olderOrders.more}>{t('customers.moreOrders')}</button></p> : null}
          </section>
          <section aria-labelledby="calls-title">
            <h2 id="calls-title">{t('customers.calls')}</h2>
            {h && h.calls.length === 0 ? <p class="muted">{t('customers.noCalls')}</p> : null}
            {h && h.calls.length ? (
              <ol class="history" data-list="customer-calls">
                {h.calls.map((c, i) => (
                  <li key={String(c.orderId) + i}>{formatDateTime(c.at)} — {c.orderNumber || c.orderId}: {t('call.' + String(c.outcome))}{c.by ? ` (${c.by})` : ''}{c.reason ? `: ${c.reason}` : ''}</li>
                ))}
              </ol>
            ) : null}
          </section>
          <section aria-labelledby="mails-title">
            <h2 id="mails-title">{t('customers.messages')}</h2>
            {h && h.messages.length === 0 ? <p class="muted">{t('customers.noMessages')}</p> : null}
            {h && h.messages.length ? (
              <div class="table-wrap" tabIndex={0}>
                <table data-table="customer-messages">
                  <thead>
                    <tr><th scope="col">{t('customers.date')}</th><th scope="col">{t('customers.channel')}</th><th scope="col">{t('customers.template')}</th><th scope="col">{t('customers.status')}</th></tr>
                  </thead>
                  <tbody>
                    {h.messages.map((m, i) => (
                      <tr key={m.channel + i} data-message-status={m.status}>
                        <td>{formatDateTime(m.at)}</td>
                        <td>{m.channel === 'SMS' ? 'SMS' : 'E-mail'}</td>
                        <td>{m.template || m.flow || '—'}</td>
                        <td><span class={'badge' + (m.status === 'SENT' || m.status === 'DELIVERED' ? ' ok' : '')}>{t('message.' + m.status)}</span>{m.detail ? ` ${m.detail}` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
          <section aria-labelledby="consent-title">
            <h2 id="consent-title">{t('customers.consentHistory')}</h2>
            {h && h.consent.length === 0 ? <p class="muted">{t('customers.noConsent')}</p> : null}
            {h && h.consent.length ? (
              <ol class="history" data-list="customer-consent">
                {h.consent.map((c, i) => (
                  <li key={i} data-consent-channel={c.channel || 'MAIL'} data-consent-kind={c.kind}>
                    {formatDateTime(c.at)} — {c.channel === 'SMS' ? t('sms.consent.' + c.kind) : t('consent.' + c.kind)} ({c.channel === 'SMS' ? t('smsSource.' + c.source) : c.source}){c.by ? `, ${c.by}` : ''}
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t('customers.notes')}</h2>
            <NoteForm customerId={id} onAdded={load.reload} />
            {h && h.notes.length === 0 ? <p class="muted">{t('customers.noNotes')}</p> : null}
            {h && h.notes.length ? (
              <ol class="history notes" data-list="customer-notes">
                {h.notes.map((n) => (
                  <li key={n.id} data-note={n.id}><span class="muted small">{formatDateTime(n.at)} — {n.by}</span><p class="note-text">{n.text}</p></li>
                ))}
              </ol>
            ) : null}
          </section>
          {olderHistory.error ? <ErrorBox error={olderHistory.error} /> : null}
          {olderHistory.cursor ? (
            <p><button type="button" data-action="more-history" onClick={olderHistory.more}>{t('customers.moreHistory')}</button></p>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
