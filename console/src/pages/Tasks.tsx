import { api } from '../api';
import { formatDateTime, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

export interface Task {
  id: string;
  kind: string;
  title: string;
  orderId?: string;
  customerId?: string;
  assigneeId: string;
  status: 'OPEN' | 'DONE';
  dueAt: string;
  createdAt: string;
  escalations: number;
}

/** My tasks: open tasks by deadline, overdue ones marked; refreshed every 15 s without a reload. */
export function Tasks(_props: { params: Record<string, string> }) {
  const load = useLoad(() => api<{ tasks: Task[] }>('/staff/tasks?assignee=me&status=open'), [], 15000);
  const now = Date.now();
  const tasks = (load.data?.tasks || []).slice().sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <Page title={t('tasks.title')} id="tasks">
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      {load.data && tasks.length === 0 ? <p class="muted">{t('tasks.none')}</p> : null}
      <ul class="cards" aria-label={t('tasks.title')}>
        {tasks.map((task) => {
          const overdue = Date.parse(task.dueAt) < now;
          return (
            <li key={task.id} class={'card task' + (overdue ? ' overdue' : '')} data-task={task.id} data-order={task.orderId}>
              <div class="card-head">
                <strong>{task.title}</strong>
                {overdue ? <span class="badge danger">{t('tasks.overdue')}</span> : null}
              </div>
              <div class="muted">{t('tasks.due', { when: formatDateTime(task.dueAt) })}</div>
              {task.orderId ? <a href={`#/orders/${encodeURIComponent(task.orderId)}`}>{t('tasks.order', { id: task.orderId })}</a> : null}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
