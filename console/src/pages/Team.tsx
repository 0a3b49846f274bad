import { useState } from 'preact/hooks';
import '../owner.css';
import { api } from '../api';
import type { Answer, Item } from '../types';
import { formatDateTime, t } from '../i18n';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

type Team = Answer<'/staff/team'>;
type Member = Item<Team['managers']>;

/** The whole team: the list pages (docs/api.md#lists), a team is a few pages at most. */
async function wholeTeam(): Promise<Team> {
  let page = await api<Team>('/staff/team?limit=100');
  const managers = [...page.managers];
  while (page.nextCursor) {
    page = await api<Team>('/staff/team?limit=100&cursor=' + encodeURIComponent(page.nextCursor));
    managers.push(...page.managers);
  }
  return { ...page, managers };
}

/** Team (owner): who is on shift, each manager's open orders and tasks; put a manager on or off shift. */
export function Team(_props: { params: Record<string, string> }) {
  const load = useLoad(wholeTeam, [], 30000);
  const [error, setError] = useState<unknown>(null);
  async function toggle(m: Member) {
    setError(null);
    try {
      await api('/staff/managers/' + encodeURIComponent(m.id), { method: 'PUT', body: { name: m.name, email: m.email, onShift: !m.onShift } });
      load.reload();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Page title={t('nav.team')} id="team">
      {load.error ? <ErrorBox error={load.error} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {load.loading && !load.data ? <Loading /> : null}
      {load.data ? (
        <>
          <p data-on-shift={load.data.onShift}>{t('team.onShiftNow', { n: load.data.onShift, at: formatDateTime(load.data.at) })}</p>
          <div class="table-wrap" tabIndex={0}>
            <table data-table="team">
              <thead>
                <tr>
                  <th scope="col">{t('team.manager')}</th><th scope="col">{t('team.shift')}</th><th scope="col" class="num">{t('team.openOrders')}</th>
                  <th scope="col" class="num">{t('team.openTasks')}</th><th scope="col" class="num">{t('team.overdue')}</th><th scope="col"><span class="sr-only">{t('team.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {load.data.managers.map((m) => (
                  <tr key={m.id} data-manager={m.id}>
                    <th scope="row">{m.name}<div class="muted small">{m.email}</div></th>
                    <td>{m.onShift ? <span class="badge ok">{t('team.on')}</span> : <span class="badge">{t('team.off')}</span>}</td>
                    <td class="num">{m.openOrders}</td>
                    <td class="num">{m.openTasks}</td>
                    <td class="num">{m.overdueTasks ? <span class="badge danger">{m.overdueTasks}</span> : 0}</td>
                    <td><button type="button" onClick={() => toggle(m)}>{m.onShift ? t('team.endShift') : t('team.startShift')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Page>
  );
}
