import { useState } from 'preact/hooks';
import { api, idempotencyKey } from '../api';
import type { Answer, Schemas } from '../types';
import { formatDateTime, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';
import { customerContact, type Contact } from '../contacts';

export type Task = Schemas['StaffTask'];
/** What logging a call answers: the order's file. */
type OrderFile = Answer<'/staff/orders/{id}/calls', 'post'>;

/** My tasks: open tasks by deadline, overdue ones marked; refreshed every 10 s without a reload. */
export function Tasks(_props: { params: Record<string, string> }) {
  const load = useLoad(() => api<Answer<'/staff/tasks'>>('/staff/tasks?assignee=me&status=open'), [], 10000);
  // the last call logged: stays on screen when its task leaves the list (confirmed, cancelled)
  const [last, setLast] = useState<{ orderId: string; number: string; status: string; noAnswer: number } | null>(null);
  const now = Date.now();
  const tasks = (load.data?.tasks || []).slice().sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <Page title={t('tasks.title')} id="tasks"
      actions={load.data ? <span class="muted" aria-live="polite">{t('tasks.count', { n: tasks.length })}</span> : null}>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      <p class="ok" role="status" data-result-order={last?.orderId} data-result-status={last?.status} data-no-answer={last?.noAnswer}>
        {last ? t('tasks.callLogged', { number: last.number, status: t('status.' + last.status) }) : ''}
      </p>
      {load.data && tasks.length === 0 ? <p class="muted">{t('tasks.none')}</p> : null}
      <ul class="cards" aria-label={t('tasks.title')}>
        {tasks.map((task) => (
          <TaskCard key={task.id} task={task} overdue={Date.parse(task.dueAt) < now}
            onLogged={(o) => { setLast({ orderId: o.id, number: o.number || o.id, status: o.status, noAnswer: o.noAnswerCalls ?? 0 }); load.reload(); }} />
        ))}
      </ul>
    </Page>
  );
}

function TaskCard(props: { task: Task; overdue: boolean; onLogged: (order: OrderFile) => void }) {
  const { task } = props;
  const contact = useLoad<Contact | null>(() => customerContact(task.customerId), [task.customerId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const isCall = !!task.orderId && /call|confirm/i.test(task.kind);

  async function call(outcome: 'CONFIRMED' | 'NO_ANSWER' | 'REFUSED') {
    setBusy(true);
    setError(null);
    try {
      const order = await api<OrderFile>(`/staff/orders/${encodeURIComponent(task.orderId!)}/calls`, {
        method: 'POST',
        body: outcome === 'REFUSED' ? { outcome, reason } : { outcome },
        headers: { 'Idempotency-Key': idempotencyKey() },
      });
      setRefusing(false);
      props.onLogged(order);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const c = contact.data;
  const titleId = `task-${task.id}-title`;
  return (
    <li class={'card task' + (props.overdue ? ' overdue' : '')} data-task={task.id} data-order={task.orderId} aria-labelledby={titleId}>
      <div class="card-head">
        <h2 class="card-title" id={titleId}>{task.title}</h2>
        {props.overdue ? <span class="badge danger">{t('tasks.overdue')}</span> : null}
      </div>
      <div class="muted">{t('tasks.due', { when: formatDateTime(task.dueAt) })}</div>
      <div class="row task-facts">
        {task.orderId ? <a href={`#/orders/${encodeURIComponent(task.orderId)}`} data-open-order>{t('tasks.order', { id: task.orderId })}</a> : null}
        {c?.name ? <span>{c.name}</span> : null}
        {c?.phone ? <a href={`tel:${c.phone}`} data-phone>{c.phone}</a> : null}
      </div>
      {isCall ? (
        <div class="row actions" role="group" aria-label={t('tasks.outcome')}>
          <button type="button" class="primary" disabled={busy} data-outcome="CONFIRMED" onClick={() => call('CONFIRMED')}>{t('call.confirmed')}</button>
          <button type="button" disabled={busy} data-outcome="NO_ANSWER" onClick={() => call('NO_ANSWER')}>{t('call.noAnswer')}</button>
          <button type="button" class="danger" disabled={busy} aria-expanded={refusing} onClick={() => setRefusing(!refusing)}>{t('call.refused')}</button>
        </div>
      ) : null}
      {refusing ? (
        <form class="row" onSubmit={(e) => { e.preventDefault(); call('REFUSED'); }}>
          <label>
            {t('call.reason')}
            <input required maxLength={500} value={reason} data-reason onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="danger" disabled={busy || !reason.trim()} data-outcome="REFUSED">{t('call.refuse')}</button>
        </form>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
    </li>
  );
}
