import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../owner.css';
import { api } from '../api';
import type { Answer } from '../types';
import { formatMoney, lang, t } from '../i18n';
import { downloadCsv, hasRole, query } from '../owner';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

type Sales = Answer<'/staff/reports/sales'>;
type Row = Sales['total'];
type Expiring = Answer<'/staff/reports/expiring'>;
type PurchaseLists = Answer<'/staff/reports/purchase-list'>;

/** Reports: sales per day (chart + table) and by channel, cancellations by reason, expiring stock, purchase list; CSV of each. */
export function Reports(_props: { params: Record<string, string> }) {
  const owner = hasRole('owner');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  return (
    <Page title={t('nav.reports')} id="reports">
      {owner ? <SalesReports range={range} setRange={setRange} /> : null}
      <ExpiringReport />
      <PurchaseListReport />
    </Page>
  );
}

function CsvButton(props: { path: string; name: string; label?: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span class="csv">
      <button
        type="button"
        disabled={busy}
        data-csv={props.name}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await downloadCsv(props.path, props.name);
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {props.label || t('reports.csv')}
      </button>
      {error ? <ErrorBox error={error} /> : null}
    </span>
  );
}

function SalesReports(props: { range: { from?: string; to?: string }; setRange: (r: { from?: string; to?: string }) => void }) {
  const { range } = props;
  const days = useLoad(() => api<Sales>('/staff/reports/sales' + query({ ...range, groupBy: 'day' })), [range.from, range.to]);
  const channels = useLoad(() => api<Sales>('/staff/reports/sales' + query({ ...range, groupBy: 'channel' })), [range.from, range.to]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => {
    if (days.data) {
      setFrom(days.data.from);
      setTo(days.data.to);
    }
  }, [days.data?.from, days.data?.to]);
  const sales = days.data;
  const reasons = Object.entries(sales?.cancellationsByReason || {}).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <form
        class="row filters"
        onSubmit={(e) => {
          e.preventDefault();
          props.setRange({ from, to });
        }}
      >
        <label>
          {t('reports.from')}
          <input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('reports.to')}
          <input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="primary">{t('reports.show')}</button>
      </form>

      <section aria-labelledby="sales-title" class="report" data-report="sales">
        <div class="report-head">
          <h2 id="sales-title">{t('reports.sales')}</h2>
          <CsvButton path={'/staff/reports/sales' + query({ ...range, groupBy: 'day' })} name="sales-by-day.csv" />
        </div>
        {days.error ? <ErrorBox error={days.error} /> : null}
        {days.loading && !sales ? <Loading /> : null}
        {sales ? (
          <>
            <dl class="totals">
              <div><dt>{t('reports.revenue')}</dt><dd data-total="revenue">{formatMoney(sales.total.revenueMinor)}</dd></div>
              <div><dt>{t('reports.orders')}</dt><dd data-total="orders">{sales.total.netOrders}</dd></div>
              <div><dt>{t('reports.avgCheck')}</dt><dd data-total="average">{formatMoney(sales.total.averageCheckMinor)}</dd></div>
              <div><dt>{t('reports.cancelled')}</dt><dd>{sales.total.cancelled}</dd></div>
            </dl>
            <SalesChart rows={sales.rows} />
            <details class="table-details">
              <summary>{t('reports.byDayTable')}</summary>
              <SalesTable rows={sales.rows} keyLabel={t('reports.day')} id="sales-days" />
            </details>
          </>
        ) : null}
      </section>

      <section aria-labelledby="channels-title" class="report" data-report="channels">
        <div class="report-head">
          <h2 id="channels-title">{t('reports.byChannel')}</h2>
          <CsvButton path={'/staff/reports/sales' + query({ ...range, groupBy: 'channel' })} name="sales-by-channel.csv" />
        </div>
        {channels.error ? <ErrorBox error={channels.error} /> : null}
        {channels.data ? (
          <SalesTable rows={channels.data.rows.map((r) => ({ ...r, key: channelName(r.key) }))} keyLabel={t('reports.channel')} id="sales-channels" />
        ) : null}
      </section>

      <section aria-labelledby="cancel-title" class="report" data-report="cancellations">
        <div class="report-head">
          <h2 id="cancel-title">{t('reports.cancellations')}</h2>
          <CsvButton path={'/staff/reports/cancellations' + query(range)} name="cancellations.csv" />
        </div>
        {sales && reasons.length === 0 ? <p class="muted">{t('reports.noCancellations')}</p> : null}
        {reasons.length ? (
          <div class="table-wrap" tabIndex={0}>
            <table>
              <thead><tr><th scope="col">{t('reports.reason')}</th><th scope="col" class="num">{t('reports.cancelled')}</th></tr></thead>
              <tbody>
                {reasons.map(([reason, n]) => (
                  <tr key={reason}><td>{reason}</td><td class="num">{n}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

/** A channel's name; a shop point's till sales come as `OFFLINE:<pointId>` (docs/points.md). */
function channelName(key: string): string {
  return key.startsWith('OFFLINE:') ? t('channel.OFFLINE') + ' ' + key.slice('OFFLINE:'.length) : t('channel.' + key);
}

function SalesTable(props: { rows: Row[]; keyLabel: string; id: string }) {
  return (
    <div class="table-wrap" tabIndex={0}>
      <table data-table={props.id}>
        <thead>
          <tr>
            <th scope="col">{props.keyLabel}</th>
            <th scope="col" class="num">{t('reports.orders')}</th>
            <th scope="col" class="num">{t('reports.cancelled')}</th>
            <th scope="col" class="num">{t('reports.revenue')}</th>
            <th scope="col" class="num">{t('reports.avgCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.key}</th>
              <td class="num" data-col="orders">{r.netOrders}</td>
              <td class="num">{r.cancelled}</td>
              <td class="num">{formatMoney(r.revenueMinor)}</td>
              <td class="num">{formatMoney(r.averageCheckMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Revenue and average check (₽, left axis) and orders (bars, right axis) per day, drawn by uPlot. */
function SalesChart(props: { rows: Row[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const xs = props.rows.map((r) => Date.parse(r.key + 'T12:00:00Z') / 1000);
    const data: uPlot.AlignedData = [
      xs,
      props.rows.map((r) => r.revenueMinor / 100),
      props.rows.map((r) => r.averageCheckMinor / 100),
      props.rows.map((r) => r.netOrders),
    ];
    const size = () => ({ width: Math.max(260, el.clientWidth), height: 280 });
    const chart = new uPlot(
      {
        ...size(),
        scales: { x: { time: true }, rub: {}, n: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        series: [
          { label: t('reports.day') },
          { label: t('reports.revenue'), scale: 'rub', stroke: '#1f5fbf', width: 2, value: (_u, v) => (v == null ? '—' : formatMoney(v * 100)) },
          { label: t('reports.avgCheck'), scale: 'rub', stroke: '#1e7a3c', width: 2, dash: [6, 4], value: (_u, v) => (v == null ? '—' : formatMoney(v * 100)) },
          { label: t('reports.orders'), scale: 'n', stroke: '#8a5a00', fill: 'rgba(240,180,0,0.35)', paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } },
        ],
        axes: [{}, { scale: 'rub', size: 70 }, { scale: 'n', side: 1, grid: { show: false } }],
      },
      data,
      el,
    );
    const observer = new ResizeObserver(() => chart.setSize(size()));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [props.rows, lang()]);
  return <div ref={ref} class="chart" data-chart="sales" data-points={props.rows.length} role="img" aria-label={t('reports.chartLabel')} />;
}

function ExpiringReport() {
  const [days, setDays] = useState(14);
  const load = useLoad(() => api<Expiring>('/staff/reports/expiring' + query({ days })), [days]);
  return (
    <section aria-labelledby="expiring-title" class="report" data-report="expiring">
      <div class="report-head">
        <h2 id="expiring-title">{t('reports.expiring')}</h2>
        <label class="inline">
          {t('reports.withinDays')}
          <select value={String(days)} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value))}>
            {[7, 14, 30, 60].map((d) => <option value={String(d)}>{d}</option>)}
          </select>
        </label>
        <CsvButton path={'/staff/reports/expiring' + query({ days })} name="expiring.csv" />
      </div>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.data && load.data.items.length === 0 ? <p class="muted">{t('reports.noExpiring')}</p> : null}
      {load.data && load.data.items.length ? (
        <div class="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">SKU</th><th scope="col">{t('stock.warehouse')}</th><th scope="col">{t('reports.expiresAt')}</th>
                <th scope="col" class="num">{t('reports.daysLeft')}</th><th scope="col" class="num">{t('stock.onHand')}</th><th scope="col" class="num">{t('stock.available')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.items.map((i) => (
                <tr key={i.sku + i.warehouse}>
                  <td>{i.sku}</td><td>{i.warehouse}</td><td>{i.expiresAt}</td>
                  <td class="num">{i.daysLeft}</td><td class="num">{i.onHand}</td><td class="num">{i.available}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function PurchaseListReport() {
  const load = useLoad(() => api<PurchaseLists>('/staff/reports/purchase-list'), []);
  const lists = (load.data?.suppliers || []).filter((s) => s.lines.length);
  return (
    <section aria-labelledby="purchase-title" class="report" data-report="purchase-list">
      <div class="report-head">
        <h2 id="purchase-title">{t('reports.purchaseList')}</h2>
        <CsvButton path="/staff/reports/purchase-list" name="purchase-list.csv" />
      </div>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.data && lists.length === 0 ? <p class="muted">{t('reports.nothingToBuy')}</p> : null}
      {lists.map((s) => (
        <div key={s.supplierId} class="supplier-list">
          <h3>{t('reports.supplier', { id: s.supplierId, lead: s.leadTimeDays })}</h3>
          <div class="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">SKU</th><th scope="col" class="num">{t('stock.available')}</th><th scope="col" class="num">{t('reports.sold30')}</th>
                  <th scope="col" class="num">{t('reports.daysLeft')}</th><th scope="col" class="num">{t('reports.suggested')}</th>
                </tr>
              </thead>
              <tbody>
                {s.lines.map((l) => (
                  <tr key={l.sku}>
                    <td>{l.sku}</td><td class="num">{l.available}</td><td class="num">{l.soldInWindow}</td>
                    <td class="num">{l.daysLeft}</td><td class="num"><strong>{l.suggestedQty}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
