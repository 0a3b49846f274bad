import { api } from '../api';
import { formatDateTime, formatMoney, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

/** Orders: the list (filters and search come next). */
export function Orders(_props: { params: Record<string, string> }) {
  const load = useLoad(() => api<{ orders: any[] }>('/staff/orders?limit=50'), []);
  return (
    <Page title={t('orders.title')} id="orders">
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      <ul class="cards">
        {(load.data?.orders || []).map((o) => (
          <li key={o.id} class="card">
            <a href={`#/orders/${encodeURIComponent(o.id)}`}>{o.id}</a> · {o.status} · {formatMoney(o.totalMinor)} · {formatDateTime(o.createdAt)}
          </li>
        ))}
      </ul>
    </Page>
  );
}
