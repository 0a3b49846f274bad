import { useState } from 'preact/hooks';
import '../owner.css';
import { skuPrices, type PriceTimelineEntry, type SupplierPricesEntry } from '../api';
import { formatDateTime, formatMoney, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

/** One supplier's prices and the time they held: from their file's date to the next change, or current. */
export interface PricePeriod extends SupplierPricesEntry { to?: string; current: boolean }

/**
 * The journal (newest first) as periods: an entry holds until the same supplier's next newer entry; a
 * supplier's newest entry is the current one. A supplier known only from before the journal shows its
 * current prices without a start.
 */
export function periods(entries: SupplierPricesEntry[]): PricePeriod[] {
  const next: Record<string, string | undefined> = {};
  const seen = new Set<string>();
  const sorted = [...entries].sort((a, b) => String(b.at || '').localeCompare(String(a.at || '')));
  return sorted.map((e) => {
    const current = !seen.has(e.supplierId);
    seen.add(e.supplierId);
    const p: PricePeriod = { ...e, to: current ? undefined : next[e.supplierId], current };
    next[e.supplierId] = e.at;
    return p;
  });
}

type SupplierEntry = Extract<PriceTimelineEntry, { kind: 'supplier' }>;
type ShopEntry = Extract<PriceTimelineEntry, { kind: 'shop' }>;

/**
 * A SKU's price history (issue 15, owner): supplier, purchase / retail / minimum retail price, from, to or
 * current; the shop's price changes below. The API answers one timeline of both, newest first, a page at a
 * time (docs/api.md#lists); "more" loads the next page, older entries, and the tables grow.
 */
export function PriceHistory(props: { params: Record<string, string> }) {
  const sku = props.params.sku;
  const [older, setOlder] = useState<PriceTimelineEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const load = useLoad(async () => {
    const first = await skuPrices(sku);
    setOlder([]);
    setCursor(first.nextCursor || null);
    return first;
  }, [sku]);
  async function more() {
    try {
      const page = await skuPrices(sku, cursor);
      setOlder([...older, ...page.entries]);
      setCursor(page.nextCursor || null);
      setMoreError(null);
    } catch (e) {
      setMoreError(e);
    }
  }
  const d = load.data;
  const entries = d ? [...d.entries, ...older] : [];
  const supplierEntries = entries.filter((e): e is SupplierEntry => e.kind === 'supplier');
  const shopEntries = entries.filter((e): e is ShopEntry => e.kind === 'shop');
  // a supplier known only from its current prices (no journal at all) still shows them
  const rows = d ? periods(supplierEntries.length || cursor ? supplierEntries : d.current) : [];
  return (
    <Page title={t('prices.title', { sku })} id="prices" actions={<a href="#/stock">{t('prices.back')}</a>}>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !d ? <Loading /> : null}
      {d && rows.length === 0 ? <p class="muted">{t('prices.none')}</p> : null}
      {rows.length ? (
        <div class="table-wrap" tabIndex={0}>
          <table data-table="sku-prices">
            <caption>{t('prices.supplierPrices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prices.supplier')}</th>
                <th scope="col" class="num">{t('prices.purchase')}</th>
                <th scope="col" class="num">{t('prices.retail')}</th>
                <th scope="col" class="num">{t('prices.minRetail')}</th>
                <th scope="col">{t('prices.from')}</th>
                <th scope="col">{t('prices.to')}</th>
                <th scope="col">{t('prices.file')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.supplierId + i} data-price-supplier={r.supplierId} data-current={r.current ? 'true' : 'false'}>
                  <th scope="row">{r.supplierId}</th>
                  <td class="num" data-price="purchase">{formatMoney(r.purchasePriceMinor)}</td>
                  <td class="num" data-price="retail">{formatMoney(r.retailPriceMinor)}</td>
                  <td class="num" data-price="minRetail">{formatMoney(r.minRetailPriceMinor)}</td>
                  <td>{r.journal && r.at ? formatDateTime(r.at) : t('prices.beforeJournal')}</td>
                  <td>{r.current ? <span class="badge ok">{t('prices.current')}</span> : formatDateTime(r.to)}</td>
                  <td class="small">{r.file ? r.file.substring(r.file.lastIndexOf('/') + 1) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {shopEntries.length ? (
        <div class="table-wrap" tabIndex={0}>
          <table data-table="shop-prices">
            <caption>{t('prices.shopPrices')}</caption>
            <thead>
              <tr><th scope="col">{t('prices.when')}</th><th scope="col" class="num">{t('prices.old')}</th><th scope="col" class="num">{t('prices.new')}</th><th scope="col">{t('prices.why')}</th></tr>
            </thead>
            <tbody>
              {shopEntries.map((p, i) => (
                <tr key={i}>
                  <td>{formatDateTime(p.at)}</td><td class="num">{formatMoney(p.oldPriceMinor)}</td><td class="num">{formatMoney(p.newPriceMinor)}</td>
                  <td class="small">{[p.why, p.source, p.file ? p.file.substring(p.file.lastIndexOf('/') + 1) : ''].filter(Boolean).join(' · ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {moreError ? <ErrorBox error={moreError} /> : null}
      {cursor ? <p><button type="button" data-action="more-prices" onClick={more}>{t('prices.more')}</button></p> : null}
    </Page>
  );
}
