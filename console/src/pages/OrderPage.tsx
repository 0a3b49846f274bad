import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, idempotencyKey, receiveReturnedParcel, refuseParcel, registerReturn, type ReturnLineRequest } from '../api';
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
          {order.status === 'DELIVERED' && (roles.includes('owner') || roles.includes('warehouse')) ? (
            <ReturnForm order={order} onReturned={() => { setFile(null); load.reload(); tasks.reload(); }} />
          ) : null}

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

          <AfterDelivery order={order} />

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
  const [open, setOpen] = useState<'' | 'cancel' | 'ship' | 'refuse' | 'parcel-refused'>('');
  const [refusal, setRefusal] = useState<'REFUSED' | 'NOT_COLLECTED'>('REFUSED');
  const [reason, setReason] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const is = (...r: Role[]) => r.some((x) => roles.includes(x));
  const sales = is('owner', 'manager');
  const warehouse = is('owner', 'warehouse');
  const beforeShipping = BEFORE_SHIPPING.includes(order.status);
  const path = `/staff/orders/${encodeURIComponent(order.id)}`;

  async function act(sub: string, body?: unknown, call?: () => Promise<any>) {
    setBusy(true);
    setError(null);
    try {
      const file = call ? await call() : await api<OrderFile>(path + sub, { method: 'POST', body: body ?? {}, headers: { 'Idempotency-Key': idempotencyKey() } });
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
  // after shipping (docs/returns.md): a refused or not collected parcel (owner, the order's manager), the parcel back (owner, warehouse)
  if (sales && order.status === 'SHIPPED') {
    buttons.push(<button type="button" class="danger" disabled={busy} data-action="parcel-refused" aria-expanded={open === 'parcel-refused'} onClick={() => setOpen(open === 'parcel-refused' ? '' : 'parcel-refused')}>{t('order.parcelRefused')}</button>);
  }
  if (warehouse && order.status === 'RETURNING') {
    buttons.push(<button type="button" class="primary" disabled={busy} data-action="returned-parcel" onClick={() => act('', undefined, () => receiveReturnedParcel(order.id))}>{t('order.parcelBack')}</button>);
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
      {open === 'parcel-refused' ? (
        <form class="row" onSubmit={(e) => { e.preventDefault(); act('', undefined, () => refuseParcel(order.id, refusal)); }}>
          <label>{t('order.refusalReason')}
            <select value={refusal} data-field="refusal-reason" onChange={(e) => setRefusal((e.target as HTMLSelectElement).value as 'REFUSED' | 'NOT_COLLECTED')}>
              <option value="REFUSED">{t('refusal.REFUSED')}</option>
              <option value="NOT_COLLECTED">{t('refusal.NOT_COLLECTED')}</option>
            </select>
          </label>
          <button type="submit" class="danger" disabled={busy} data-confirm="parcel-refused">{t('order.parcelRefusedConfirm')}</button>
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

/** Units of each SKU already returned (every return of the order). */
function returnedQty(order: any): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of order.returns || []) for (const l of r.lines || []) out[l.sku] = (out[l.sku] || 0) + Number(l.qty || 0);
  return out;
}

/** A return after delivery (owner, warehouse): the lines that come back, each restocked or written off, and why. */
function ReturnForm(props: { order: any; onReturned: () => void }) {
  const { order } = props;
  const back = returnedQty(order);
  const lines: any[] = (order.lines || []).filter((l: any) => l.qty - (back[l.sku] || 0) > 0);
  const [open, setOpen] = useState(false);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [disposition, setDisposition] = useState<Record<string, 'restock' | 'writeOff'>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // one key per filled form: a double click (or a retry after a lost answer) registers one return
  const [key, setKey] = useState(idempotencyKey());
  if (!lines.length) return null;
  const chosen: ReturnLineRequest[] = lines.filter((l) => (qty[l.sku] || 0) > 0)
    .map((l) => ({ sku: l.sku, qty: qty[l.sku], disposition: disposition[l.sku] || 'restock' }));

  async function send(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await registerReturn(order.id, { reason: reason.trim(), lines: chosen }, key);
      setOpen(false);
      setQty({});
      setDisposition({});
      setReason('');
      setKey(idempotencyKey());
      props.onReturned();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card actions-box" aria-labelledby="return-title" data-form="return">
      <h2 id="return-title">{t('return.title')}</h2>
      {!open ? (
        <div class="row"><button type="button" data-action="return" aria-expanded="false" onClick={() => setOpen(true)}>{t('return.open')}</button></div>
      ) : (
        <form onSubmit={send}>
          <div class="row">
            <button type="button" data-action="return-all" onClick={() => setQty(Object.fromEntries(lines.map((l) => [l.sku, l.qty - (back[l.sku] || 0)])))}>{t('return.all')}</button>
          </div>
          <div class="table-wrap">
            <table data-table="return-lines">
              <caption class="visually-hidden">{t('return.title')}</caption>
              <thead><tr><th scope="col">SKU</th><th scope="col">{t('order.item')}</th><th scope="col">{t('return.left')}</th><th scope="col">{t('return.qty')}</th><th scope="col">{t('return.disposition')}</th></tr></thead>
              <tbody>
                {lines.map((l) => {
                  const left = l.qty - (back[l.sku] || 0);
                  return (
                    <tr key={l.sku} data-return-line={l.sku}>
                      <td>{l.sku}</td><td>{l.name}</td><td>{left}</td>
                      <td><input type="number" min={0} max={left} value={qty[l.sku] || 0} data-field="return-qty" aria-label={t('return.qtyOf', { sku: l.sku })}
                        onInput={(e) => setQty({ ...qty, [l.sku]: Math.max(0, Math.min(left, Number((e.target as HTMLInputElement).value) || 0)) })} /></td>
                      <td>
                        <select value={disposition[l.sku] || 'restock'} data-field="return-disposition" aria-label={t('return.dispositionOf', { sku: l.sku })}
                          onChange={(e) => setDisposition({ ...disposition, [l.sku]: (e.target as HTMLSelectElement).value as 'restock' | 'writeOff' })}>
                          <option value="restock">{t('return.restock')}</option>
                          <option value="writeOff">{t('return.writeOff')}</option>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div class="row">
            <label>{t('return.reason')}
              <input required maxLength={500} value={reason} data-field="return-reason" onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="primary" disabled={busy || !chosen.length || !reason.trim()} data-confirm="return">{t('return.confirm')}</button>
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>{t('return.cancel')}</button>
          </div>
        </form>
      )}
      {error ? <ErrorBox error={error} /> : null}
      {/* the problem's fields say which line: "at most 1 of TEA-001 can still be returned (delivered 2)" */}
      {error instanceof ApiError && error.problem.errors?.length ? (
        <ul class="error" role="alert" data-errors="return">
          {error.problem.errors.map((x) => <li key={x.field}>{x.message}</li>)}
        </ul>
      ) : null}
    </section>
  );
}

/** The refusal and the returns the order API returns: what came back, what became of it, the money. */
function AfterDelivery(props: { order: any }) {
  const { order } = props;
  const returns: any[] = order.returns || [];
  if (!order.refusal && !returns.length) return null;
  return (
    <section aria-labelledby="returns-title" data-section="returns">
      <h2 id="returns-title">{t('return.history')}</h2>
      {order.refusal ? (
        <p data-refusal={order.refusal.reason}>
          {formatDateTime(order.refusal.at)} — <strong>{t('refusal.' + order.refusal.reason)}</strong>
          {order.refusal.by ? ` (${order.refusal.by})` : ''}{order.status === 'RETURNED' ? ` · ${t('refusal.back')}` : ` · ${t('refusal.onTheWay')}`}
        </p>
      ) : null}
      {returns.length ? (
        <ol class="history">
          {returns.map((r) => (
            <li key={r.id} data-return={r.id}>
              {formatDateTime(r.at)} — <strong>{r.id}</strong>{r.by ? ` (${r.by})` : ''}: {r.reason}
              <ul>
                {(r.lines || []).map((l: any) => (
                  <li key={l.sku} data-return-sku={l.sku} data-disposition={l.disposition}>
                    {l.sku} × {l.qty} — {t('return.' + l.disposition)} · {formatMoney(l.amountMinor, r.currency || order.currency)}
                  </li>
                ))}
              </ul>
              {t('return.refund')}: {formatMoney(r.amountMinor, r.currency || order.currency)}
              {r.refund ? <> · <span data-refund={r.refund.status}>{t('refund.' + r.refund.method)} — {t('refundStatus.' + r.refund.status)}</span></> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
