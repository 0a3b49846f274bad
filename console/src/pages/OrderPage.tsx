import { useEffect, useState } from 'preact/hooks';
import { api, idempotencyKey } from '../api';
import { currentSession, type Role } from '../auth';
import { customerContact, type Contact } from '../contacts';
import { formatDateTime, formatMoney, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';
import type { Task } from './Tasks';
import type { Answer } from '../types';

type Order = Answer<'/staff/orders/{id}'>;
/** What an action answers: the order's full file (calls, payments, shipment). */
type OrderFile = Answer<'/staff/orders/{id}/cancel', 'post'>;

const BEFORE_SHIPPING = ['NEW', 'AWAITING_PAYMENT', 'PAID', 'CONFIRMED', 'READY_TO_SHIP'];

/** One order: lines, delivery, payment, status history, calls and tasks, and the actions its state allows. */
export function OrderPage(props: { params: Record<string, string> }) {
  const id = props.params.id;
  const roles: Role[] = currentSession()?.roles || [];
  const load = useLoad(() => api<Order>(`/staff/orders/${encodeURIComponent(id)}`), [id]);
  // an action answers with the order's full file (calls, payments, shipment): shown over the plain view
  const [file, setFile] = useState<OrderFile | null>(null);
  const order = file || load.data;
  const [contact, setContact] = useState<Contact | null>(null);
  const tasks = useLoad(async () => {
    if (!order || !(roles.includes('manager') || roles.includes('owner'))) return [] as Task[];
    const assignee = roles.includes('owner') && order.managerId ? order.managerId : 'me';
    const r = await api<Answer<'/staff/tasks'>>(`/staff/tasks?assignee=${encodeURIComponent(assignee)}&status=open`);
    return r.tasks.filter((x) => x.orderId === id);
  }, [order?.status, order?.managerId]);
  useEffect(() => {
    if (order?.customerId && (roles.includes('owner') || roles.includes('manager'))) customerContact(order.customerId).then(setContact);
  }, [order?.customerId]);

  return (
    <Page title={t('order.title', { number: order?.number || id })} id="order">
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      {order ? (
        <>
          <dl class="facts">
            <dt>{t('orders.status')}</dt>
            <dd><span class={'badge status-' + order.status} data-status={order.status}>{t('status.' + order.status)}</span></dd>
            <dt>{t('orders.created')}</dt><dd>{formatDateTime(order.createdAt)}</dd>
            <dt>{t('orders.channel')}</dt><dd>{t('channel.' + order.channel)}</dd>
            <dt>{t('orders.manager')}</dt><dd>{order.managerId || '—'}</dd>
            <dt>{t('order.customer')}</dt>
            <dd>
              {contact?.name || order.customerId || '—'}
              {contact?.phone ? <> · <a href={`tel:${contact.phone}`}>{contact.phone}</a></> : null}
              {contact?.email ? <> · <a href={`mailto:${contact.email}`}>{contact.email}</a></> : null}
            </dd>
            <dt>{t('order.payment')}</dt><dd>{t('payment.' + order.paymentMethod)}</dd>
            <dt>{t('order.delivery')}</dt>
            <dd>{order.delivery ? [order.delivery.option, order.delivery.city, order.delivery.address].filter(Boolean).join(', ') : '—'}
              {order.delivery ? ` · ${formatMoney(order.deliveryCostMinor, order.currency)}` : ''}</dd>
            {order.shipment ? <><dt>{t('order.shipment')}</dt><dd data-shipment>{order.shipment.carrier} · {order.shipment.trackingNumber}</dd></> : null}
            <dt>{t('orders.total')}</dt><dd><strong>{formatMoney(order.totalMinor, order.currency)}</strong></dd>
          </dl>

          <Actions order={order} roles={roles} onChanged={(f) => { setFile(f); tasks.reload(); }} />

          <h2>{t('order.lines')}</h2>
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">SKU</th><th scope="col">{t('order.item')}</th><th scope="col">{t('order.qty')}</th><th scope="col">{t('order.price')}</th><th scope="col">{t('order.sum')}</th></tr></thead>
              <tbody>
                {(order.lines || []).map((l) => (
                  <tr key={l.sku}><td>{l.sku}</td><td>{l.name}</td><td>{l.qty}</td><td>{formatMoney(l.unitPriceMinor, order.currency)}</td><td>{formatMoney(l.lineTotalMinor, order.currency)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2>{t('order.history')}</h2>
          <ol class="history">
            {(order.statusHistory || []).map((h, i) => (
              <li key={i}>{formatDateTime(h.at)} — <strong>{t('status.' + h.status)}</strong>{h.by ? ` (${h.by})` : ''}{h.reason ? `: ${h.reason}` : ''}</li>
            ))}
          </ol>

          {order.calls && order.calls.length ? (
            <>
              <h2>{t('order.calls')}</h2>
              <ol class="history">
                {order.calls.map((c) => (
                  <li key={c.id}>{formatDateTime(c.at)} — {t('call.' + String(c.outcome))}{c.by ? ` (${c.by})` : ''}{c.reason ? `: ${c.reason}` : ''}</li>
                ))}
              </ol>
            </>
          ) : null}

          {tasks.data && tasks.data.length ? (
            <>
              <h2>{t('order.tasks')}</h2>
              <ul class="history">
                {tasks.data.map((x) => <li key={x.id}>{x.title} — {t('tasks.due', { when: formatDateTime(x.dueAt) })}</li>)}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function Actions(props: { order: Order; roles: Role[]; onChanged: (file: OrderFile) => void }) {
  const { order, roles } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<'' | 'cancel' | 'ship' | 'refuse'>('');
  const [reason, setReason] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const is = (...r: Role[]) => r.some((x) => roles.includes(x));
  const sales = is('owner', 'manager');
  const warehouse = is('owner', 'warehouse');
  const beforeShipping = BEFORE_SHIPPING.includes(order.status);
  const path = `/staff/orders/${encodeURIComponent(order.id)}`;

  async function act(sub: string, body?: unknown) {
    setBusy(true);
    setError(null);
    try {
      const file = await api<OrderFile>(path + sub, { method: 'POST', body: body ?? {}, headers: { 'Idempotency-Key': idempotencyKey() } });
      setOpen('');
      props.onChanged(file);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const buttons = [];
  if (sales && beforeShipping) {
    buttons.push(<button type="button" class="primary" disabled={busy} data-outcome="CONFIRMED" onClick={() => act('/calls', { outcome: 'CONFIRMED' })}>{t('call.confirmed')}</button>);
    buttons.push(<button type="button" disabled={busy} data-outcome="NO_ANSWER" onClick={() => act('/calls', { outcome: 'NO_ANSWER' })}>{t('call.noAnswer')}</button>);
    buttons.push(<button type="button" disabled={busy} aria-expanded={open === 'refuse'} onClick={() => setOpen(open === 'refuse' ? '' : 'refuse')}>{t('call.refused')}</button>);
    buttons.push(<button type="button" class="danger" disabled={busy} data-action="cancel" aria-expanded={open === 'cancel'} onClick={() => setOpen(open === 'cancel' ? '' : 'cancel')}>{t('order.cancel')}</button>);
  }
  if (warehouse && order.status === 'READY_TO_SHIP') {
    buttons.push(<button type="button" class="primary" disabled={busy} data-action="ship" aria-expanded={open === 'ship'} onClick={() => setOpen(open === 'ship' ? '' : 'ship')}>{t('order.ship')}</button>);
  }
  if (warehouse && order.status === 'SHIPPED') {
    buttons.push(<button type="button" class="primary" disabled={busy} data-action="deliver" onClick={() => act('/deliver')}>{t('order.deliver')}</button>);
  }
  if (!buttons.length) return null;
  return (
    <section class="card actions-box" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('order.actions')}</h2>
      <div class="row">{buttons}</div>
      {open === 'cancel' || open === 'refuse' ? (
        <form class="row" onSubmit={(e) => { e.preventDefault(); open === 'cancel' ? act('/cancel', { reason }) : act('/calls', { outcome: 'REFUSED', reason }); }}>
          <label>{open === 'cancel' ? t('order.cancelReason') : t('call.reason')}
            <input required maxLength={500} value={reason} data-reason onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="danger" disabled={busy || !reason.trim()} data-confirm={open}>{open === 'cancel' ? t('order.cancelConfirm') : t('call.refuse')}</button>
        </form>
      ) : null}
      {open === 'ship' ? (
        <form class="row" onSubmit={(e) => { e.preventDefault(); act('/ship', { carrier, trackingNumber: tracking }); }}>
          <label>{t('order.carrier')}
            <input required maxLength={100} value={carrier} data-carrier list="carriers" onInput={(e) => setCarrier((e.target as HTMLInputElement).value)} />
          </label>
          <datalist id="carriers"><option value="СДЭК" /><option value="Почта России" /><option value="Boxberry" /><option value="DPD" /></datalist>
          <label>{t('order.tracking')}
            <input required maxLength={100} value={tracking} data-tracking onInput={(e) => setTracking((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="primary" disabled={busy || !carrier.trim() || !tracking.trim()} data-confirm="ship">{t('order.shipConfirm')}</button>
        </form>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
    </section>
  );
}
