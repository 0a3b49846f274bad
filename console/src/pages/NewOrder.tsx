import { useMemo, useState } from 'preact/hooks';
import { api, idempotencyKey } from '../api';
import type { Answer, RequestBody } from '../types';
import { formatMoney, t } from '../i18n';
import { ErrorBox, Page } from '../ui';

/** The body of `POST /staff/orders` (its enums come from the form's select values). */
type PlaceOrder = RequestBody<'/staff/orders', 'post'>;

interface Line {
  sku: string;
  qty: number;
  available?: number | null;
}

/**
 * A new order taken by phone or e-mail: the customer's contacts (matched by e-mail, created if new),
 * lines with live stock, a delivery option with its cost for the city, the payment method; placed with
 * one Idempotency-Key per form, so a double click places one order.
 */
export function NewOrder(_props: { params: Record<string, string> }) {
  const key = useMemo(() => idempotencyKey(), []);
  const [channel, setChannel] = useState('PHONE');
  const [customer, setCustomer] = useState({ phone: '', name: '', email: '' });
  const [lines, setLines] = useState<Line[]>([{ sku: '', qty: 1 }]);
  const [city, setCity] = useState('Москва');
  const [address, setAddress] = useState('');
  const [options, setOptions] = useState<Answer<'/delivery-options'>['options'] | null>(null);
  const [option, setOption] = useState('');
  const [payment, setPayment] = useState('CASH_ON_DELIVERY');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<Answer<'/staff/orders', 'post'> | null>(null);

  async function stock(i: number, sku: string) {
    if (!sku.trim()) return;
    try {
      const s = await api<Answer<'/stock/{sku}'>>(`/stock/${encodeURIComponent(sku.trim())}`);
      setLines((ls) => ls.map((l, j) => (j === i ? { ...l, available: s.available } : l)));
    } catch {
      setLines((ls) => ls.map((l, j) => (j === i ? { ...l, available: null } : l)));
    }
  }

  const filled = lines.filter((l) => l.sku.trim() && l.qty > 0);
  async function delivery() {
    setError(null);
    try {
      const q = new URLSearchParams({ city, skus: filled.map((l) => `${l.sku.trim()}:${l.qty}`).join(',') });
      const r = await api<Answer<'/delivery-options'>>(`/delivery-options?${q}`);
      setOptions(r.options);
      setOption(r.options[0]?.id || '');
    } catch (e) {
      setError(e);
    }
  }

  async function place(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const order = await api<Answer<'/staff/orders', 'post'>>('/staff/orders', {
        method: 'POST',
        headers: { 'Idempotency-Key': key },
        body: {
          customer: { phone: customer.phone.trim(), name: customer.name.trim(), email: customer.email.trim() },
          lines: filled.map((l) => ({ sku: l.sku.trim(), qty: l.qty })),
          delivery: { option: option as PlaceOrder['delivery']['option'], city, address },
          paymentMethod: payment as PlaceOrder['paymentMethod'],
          channel: channel as PlaceOrder['channel'],
        } satisfies PlaceOrder,
      });
      // a confirmation with the number, not the order page: the shop may assign it to another manager
      setPlaced(order);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (placed) {
    return (
      <Page title={t('nav.newOrder')} id="new-order">
        <p class="ok" role="status" data-placed-order={placed.id}>
          {t('new.placed', { number: placed.number || placed.id, total: formatMoney(placed.totalMinor, placed.currency) })}
        </p>
        <p><a href={`#/orders/${encodeURIComponent(placed.id)}`}>{t('order.title', { number: placed.number || placed.id })}</a></p>
      </Page>
    );
  }
  const text = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return (
    <Page title={t('nav.newOrder')} id="new-order">
      <form class="new-order" onSubmit={place}>
        <fieldset>
          <legend>{t('new.customer')}</legend>
          <div class="row">
            <label>{t('new.phone')}<input type="tel" required value={customer.phone} data-field="phone" onInput={text((v) => setCustomer({ ...customer, phone: v }))} /></label>
            <label>{t('new.name')}<input required value={customer.name} data-field="name" onInput={text((v) => setCustomer({ ...customer, name: v }))} /></label>
            <label>{t('new.email')}<input type="email" required value={customer.email} data-field="email" onInput={text((v) => setCustomer({ ...customer, email: v }))} /></label>
            <label>{t('orders.channel')}
              <select value={channel} onChange={text(setChannel)} data-field="channel">
                <option value="PHONE">{t('channel.PHONE')}</option>
                <option value="EMAIL">{t('channel.EMAIL')}</option>
              </select>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('order.lines')}</legend>
          {lines.map((l, i) => (
            <div class="row" key={i}>
              <label>SKU<input required value={l.sku} data-line-sku={i}
                onInput={text((v) => setLines(lines.map((x, j) => (j === i ? { ...x, sku: v, available: undefined } : x))))}
                onBlur={() => stock(i, l.sku)} /></label>
              <label>{t('order.qty')}<input type="number" min={1} required value={l.qty} data-line-qty={i}
                onInput={text((v) => setLines(lines.map((x, j) => (j === i ? { ...x, qty: Number(v) } : x))))} /></label>
              <span class={'stock' + (l.available != null && l.available < l.qty ? ' error' : ' muted')} data-line-stock={i} aria-live="polite">
                {l.available === undefined ? '' : l.available === null ? t('new.noSku') : t('new.available', { n: l.available })}
              </span>
            </div>
          ))}
          <button type="button" onClick={() => setLines([...lines, { sku: '', qty: 1 }])}>{t('new.addLine')}</button>
        </fieldset>
        <fieldset>
          <legend>{t('order.delivery')}</legend>
          <div class="row">
            <label>{t('new.city')}<input required value={city} data-field="city" onInput={text((v) => { setCity(v); setOptions(null); })} /></label>
            <label>{t('new.address')}<input required value={address} data-field="address" onInput={text(setAddress)} /></label>
            <button type="button" disabled={!filled.length || !city.trim()} data-action="delivery-options" onClick={delivery}>{t('new.options')}</button>
          </div>
          {options ? (
            options.length ? (
              <div class="options" role="radiogroup" aria-label={t('order.delivery')}>
                {options.map((o) => (
                  <label key={o.id} class="option">
                    <input type="radio" name="delivery" value={o.id} checked={option === o.id} data-option={o.id} onChange={() => setOption(o.id)} />
                    <span>{o.id} · {o.carrier || o.method} · {formatMoney(o.costMinor)} · {t('new.days', { n: o.days })}</span>
                  </label>
                ))}
              </div>
            ) : <p class="error">{t('new.noOptions')}</p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('order.payment')}</legend>
          <select value={payment} onChange={text(setPayment)} data-field="payment" aria-label={t('order.payment')}>
            {['CASH_ON_DELIVERY', 'ONLINE_CARD', 'BANK_TRANSFER'].map((p) => <option key={p} value={p}>{t('payment.' + p)}</option>)}
          </select>
        </fieldset>
        {error ? <ErrorBox error={error} /> : null}
        <p><button type="submit" class="primary" disabled={busy || !option} data-action="place">{t('new.place')}</button></p>
      </form>
    </Page>
  );
}
