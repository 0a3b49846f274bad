import { useState } from 'preact/hooks';
import '../owner.css';
import { api, ApiError } from '../api';
import { currentSession } from '../auth';
import type { Answer } from '../types';
import { formatDateTime, t } from '../i18n';
import { query } from '../owner';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

type SkuStock = Answer<'/staff/stock/{sku}'>;
type Listing = Answer<'/staff/imports'>;
type Report = Answer<'/staff/imports/{supplier}/{id}'>;

/** Stock and suppliers: a SKU's stock per warehouse; import reports with their rejected rows; upload a supplier file. */
export function Stock(_props: { params: Record<string, string> }) {
  const [supplier, setSupplier] = useState('');
  const [open, setOpen] = useState<{ supplier: string; id: string } | null>(null);
  const imports = useLoad(() => api<Listing>('/staff/imports' + query({ supplier })), [supplier]);
  return (
    <Page title={t('nav.stock')} id="stock">
      <SkuLookup />
      <section aria-labelledby="imports-title" class="report" data-report="imports">
        <div class="report-head">
          <h2 id="imports-title">{t('stock.imports')}</h2>
          <label class="inline">
            {t('stock.supplier')}
            <select value={supplier} onChange={(e) => setSupplier((e.target as HTMLSelectElement).value)} data-field="supplier-filter">
              <option value="">{t('stock.allSuppliers')}</option>
              {(imports.data?.suppliers || []).map((s) => <option value={s}>{s}</option>)}
            </select>
          </label>
          <button type="button" onClick={imports.reload}>{t('stock.refresh')}</button>
        </div>
        <Upload
          suppliers={imports.data?.suppliers || []}
          onReport={(r) => {
            imports.reload();
            setOpen(r);
          }}
        />
        {imports.error ? <ErrorBox error={imports.error} /> : null}
        {imports.loading && !imports.data ? <Loading /> : null}
        {imports.data && imports.data.reports.length === 0 ? <p class="muted">{t('stock.noImports', { days: imports.data.days })}</p> : null}
        {imports.data && imports.data.reports.length ? (
          <div class="table-wrap" tabIndex={0}>
            <table data-table="imports">
              <thead>
                <tr>
                  <th scope="col">{t('stock.when')}</th><th scope="col">{t('stock.supplier')}</th><th scope="col">{t('stock.file')}</th>
                  <th scope="col">{t('stock.status')}</th><th scope="col" class="num">{t('stock.updated')}</th><th scope="col" class="num">{t('stock.rejected')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.reports.map((r) => (
                  <tr key={r.id} data-import={r.file}>
                    <td>{formatDateTime(r.startedAt)}</td>
                    <td>{r.supplierId}</td>
                    <td>
                      <button type="button" class="link" onClick={() => setOpen({ supplier: r.supplierId, id: r.id })}>
                        {fileName(r.file)}
                      </button>
                    </td>
                    <td><StatusBadge status={r.status} /></td>
                    <td class="num">{r.updated ?? '—'}</td>
                    <td class="num">{r.rejectedCount ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {open ? <ImportReport supplier={open.supplier} id={open.id} onClose={() => setOpen(null)} /> : null}
      </section>
    </Page>
  );
}

function fileName(key?: string): string {
  if (!key) return '—';
  return key.substring(key.lastIndexOf('/') + 1);
}

function StatusBadge(props: { status?: string }) {
  const cls = props.status === 'applied' ? 'badge ok' : props.status ? 'badge danger' : 'badge';
  return <span class={cls}>{props.status ? t('import.' + props.status) : '—'}</span>;
}

function SkuLookup() {
  const [sku, setSku] = useState('');
  const [shown, setShown] = useState('');
  const load = useLoad(() => (shown ? api<SkuStock>('/staff/stock/' + encodeURIComponent(shown)) : Promise.resolve(null)), [shown]);
  return (
    <section aria-labelledby="sku-title" class="report" data-report="sku-stock">
      <h2 id="sku-title">{t('stock.skuTitle')}</h2>
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(sku.trim());
        }}
      >
        <label>
          SKU
          <input value={sku} onInput={(e) => setSku((e.target as HTMLInputElement).value)} placeholder="TEA-001" data-field="sku" required />
        </label>
        <button type="submit" class="primary">{t('stock.show')}</button>
      </form>
      {load.error ? (load.error instanceof ApiError && load.error.status === 404 ? <p class="error" role="alert">{t('stock.noSku', { sku: shown })}</p> : <ErrorBox error={load.error} />) : null}
      {load.data ? (
        <div class="table-wrap" tabIndex={0}>
          <table data-table="sku-stock">
            <caption>
              {load.data.sku}{load.data.name ? ' — ' + load.data.name : ''}
              {/* a SKU's prices per supplier over time: the owner's (GET /staff/stock/{sku}/prices) */}
              {currentSession()?.roles.includes('owner') ? <> · <a href={`#/stock/${encodeURIComponent(load.data.sku)}/prices`} data-link="price-history">{t('stock.priceHistory')}</a></> : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('stock.warehouse')}</th><th scope="col" class="num">{t('stock.onHand')}</th>
                <th scope="col" class="num">{t('stock.reserved')}</th><th scope="col" class="num">{t('stock.available')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.warehouses.map((w) => (
                <tr key={w.warehouse} data-warehouse={w.warehouse}>
                  <th scope="row">{w.warehouseName ? `${w.warehouseName} (${w.warehouse})` : w.warehouse}</th>
                  <td class="num">{w.onHand}</td><td class="num">{w.reserved}</td><td class="num">{w.available}</td>
                </tr>
              ))}
              <tr class="total">
                <th scope="row">{t('stock.total')}</th>
                <td class="num">{load.data.onHand}</td><td class="num">{load.data.reserved}</td><td class="num">{load.data.available}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Upload: a presigned PUT from the API, the file straight to S3, then wait for the import's report. */
function Upload(props: { suppliers: string[]; onReport: (r: { supplier: string; id: string }) => void }) {
  const [supplier, setSupplier] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<'idle' | 'uploading' | 'waiting' | 'done'>('idle');
  const [error, setError] = useState<unknown>(null);
  const chosen = supplier || props.suppliers[0] || '';
  async function send(e: Event) {
    e.preventDefault();
    if (!file || !chosen) return;
    setError(null);
    setState('uploading');
    try {
      const up = await api<{ key: string; uploadUrl: string }>(`/staff/suppliers/${encodeURIComponent(chosen)}/uploads`, {
        method: 'POST',
        body: { fileName: file.name },
      });
      const put = await fetch(up.uploadUrl, { method: 'PUT', body: file });
      if (!put.ok) throw new Error(t('stock.uploadFailed', { status: put.status }));
      setState('waiting');
      // the S3 notification runs the import; its report names the uploaded key
      for (let i = 0; i < 90; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const listing = await api<Listing>('/staff/imports' + query({ supplier: chosen, days: 1 }));
        const report = listing.reports.find((r) => r.file === up.key);
        if (report) {
          setState('done');
          props.onReport({ supplier: chosen, id: report.id });
          return;
        }
      }
      throw new Error(t('stock.noReportYet'));
    } catch (err) {
      setError(err);
      setState('idle');
    }
  }
  return (
    <form class="row upload" onSubmit={send} aria-labelledby="upload-title">
      <h3 id="upload-title" class="sr-only">{t('stock.upload')}</h3>
      <label>
        {t('stock.supplier')}
        <select value={chosen} onChange={(e) => setSupplier((e.target as HTMLSelectElement).value)} data-field="upload-supplier">
          {props.suppliers.map((s) => <option value={s}>{s}</option>)}
        </select>
      </label>
      <label>
        {t('stock.file')}
        <input type="file" accept=".csv,.xlsx" data-field="upload-file" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] || null)} required />
      </label>
      <button type="submit" class="primary" disabled={!file || state === 'uploading' || state === 'waiting'}>{t('stock.upload')}</button>
      <span role="status" class="upload-state" data-upload-state={state}>
        {state === 'uploading' ? t('stock.uploading') : state === 'waiting' ? t('stock.waiting') : state === 'done' ? t('stock.imported') : ''}
      </span>
      {error ? <ErrorBox error={error} /> : null}
    </form>
  );
}

function ImportReport(props: { supplier: string; id: string; onClose: () => void }) {
  const load = useLoad(() => api<Report>(`/staff/imports/${encodeURIComponent(props.supplier)}/${encodeURIComponent(props.id)}`), [props.supplier, props.id]);
  const r = load.data;
  return (
    <section class="card import-report" aria-labelledby="import-report-title" data-import-report={r?.file}>
      <div class="card-head">
        <h3 id="import-report-title">{t('stock.report', { file: fileName(r?.file) })}</h3>
        <button type="button" onClick={props.onClose}>{t('stock.close')}</button>
      </div>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <dl class="facts">
            <dt>{t('stock.status')}</dt><dd><StatusBadge status={r.status} />{r.reason ? ' ' + r.reason : ''}</dd>
            <dt>{t('stock.when')}</dt><dd>{formatDateTime(r.startedAt)}</dd>
            <dt>{t('stock.rows')}</dt><dd>{t('stock.rowCounts', { read: r.rowsRead ?? 0, data: r.dataRows ?? 0 })}</dd>
            <dt>{t('stock.updated')}</dt><dd>{r.updated ?? 0} / {t('stock.unchanged')} {r.unchanged ?? 0} / {t('stock.zeroed')} {r.zeroed ?? 0}</dd>
            <dt>{t('stock.rejected')}</dt><dd data-rejected-count={r.rejectedCount ?? 0}>{r.rejectedCount ?? 0}</dd>
          </dl>
          {r.rejectedRowsUrl ? <p><a href={r.rejectedRowsUrl} download>{t('stock.rejectedFile')}</a></p> : null}
          {r.rejected && r.rejected.length ? (
            <div class="table-wrap" tabIndex={0}>
              <table data-table="rejected">
                <caption>{t('stock.rejectedRows')}</caption>
                <thead><tr><th scope="col" class="num">{t('stock.row')}</th><th scope="col">{t('stock.reason')}</th></tr></thead>
                <tbody>
                  {r.rejected.map((x) => (
                    <tr key={x.row} data-rejected-row={x.row}><td class="num">{x.row}</td><td>{x.reason}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {r.warnings && r.warnings.length ? (
            <details>
              <summary>{t('stock.warnings', { n: r.warnings.length })}</summary>
              <ul>{r.warnings.map((w) => <li>{w}</li>)}</ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
