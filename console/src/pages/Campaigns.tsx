import { useState } from 'preact/hooks';
import '../owner.css';
import { api, ApiError } from '../api';
import type { Answer } from '../types';
import { formatDateTime, t } from '../i18n';
import { currentSession } from '../auth';
import { ErrorBox, Loading, Page, useLoad } from '../ui';

type Created = Answer<'/staff/campaigns', 'post'>;
type Campaign = Created['campaign'];
type Preview = Created['preview'];

const RECENT = 'storeops.campaigns';

function recent(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT) || '[]');
  } catch {
    return [];
  }
}

function remember(id: string) {
  localStorage.setItem(RECENT, JSON.stringify([id, ...recent().filter((x) => x !== id)].slice(0, 20)));
}

function inAnHour(): string {
  const d = new Date(Date.now() + 3600_000);
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Campaigns: create a draft (segment preview + rendered sample mail), schedule it (four eyes), figures afterwards. */
export function Campaigns(_props: { params: Record<string, string> }) {
  const [created, setCreated] = useState<Created | null>(null);
  const [ids, setIds] = useState<string[]>(recent());
  return (
    <Page title={t('nav.campaigns')} id="campaigns">
      <NewCampaign
        onCreated={(c) => {
          remember(c.campaign.id);
          setIds(recent());
          setCreated(c);
        }}
      />
      {created ? <Draft created={created} /> : null}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('campaigns.recent')}</h2>
        <FindCampaign
          onFound={(id) => {
            remember(id);
            setIds(recent());
          }}
        />
        {ids.length === 0 ? <p class="muted">{t('campaigns.noneYet')}</p> : null}
        <ul class="cards">{ids.map((id) => <CampaignCard key={id} id={id} />)}</ul>
      </section>
    </Page>
  );
}

function NewCampaign(props: { onCreated: (c: Created) => void }) {
  const [form, setForm] = useState({ name: '', subject: '', body: '', segment: 'all-with-consent', category: '', days: '90', discountCode: '', sendAt: inAnHour() });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const segment: Record<string, unknown> = { type: form.segment };
      if (form.segment === 'bought-in-category') segment.category = form.category;
      if (form.segment === 'ordered-in-last-days') segment.days = Number(form.days);
      const created = await api<Created>('/staff/campaigns', {
        method: 'POST',
        body: {
          name: form.name, subject: form.subject, body: form.body, segment, template: 'campaign',
          discountCode: form.discountCode || undefined, sendAt: new Date(form.sendAt).toISOString(),
        },
      });
      props.onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fieldErrors = error instanceof ApiError ? error.problem.errors || [] : [];
  return (
    <form class="card form-grid" onSubmit={submit} aria-labelledby="new-campaign-title">
      <h2 id="new-campaign-title">{t('campaigns.new')}</h2>
      <label>{t('campaigns.name')}<input value={form.name} onInput={set('name')} required maxLength={200} /></label>
      <label>{t('campaigns.subject')}<input value={form.subject} onInput={set('subject')} required maxLength={200} /></label>
      <label class="wide">{t('campaigns.body')}<textarea rows={6} value={form.body} onInput={set('body')} required /></label>
      <label>
        {t('campaigns.segment')}
        <select value={form.segment} onChange={set('segment')}>
          <option value="all-with-consent">{t('campaigns.segment.all')}</option>
          <option value="bought-in-category">{t('campaigns.segment.category')}</option>
          <option value="ordered-in-last-days">{t('campaigns.segment.days')}</option>
        </select>
      </label>
      {form.segment === 'bought-in-category' ? <label>{t('campaigns.category')}<input value={form.category} onInput={set('category')} required /></label> : null}
      {form.segment === 'ordered-in-last-days' ? <label>{t('campaigns.days')}<input type="number" min={1} max={365} value={form.days} onInput={set('days')} required /></label> : null}
      <label>{t('campaigns.code')}<input value={form.discountCode} onInput={set('discountCode')} placeholder="SPRING-10" /></label>
      <label>{t('campaigns.sendAt')}<input type="datetime-local" value={form.sendAt} onInput={set('sendAt')} required /></label>
      <div class="wide row">
        <button type="submit" class="primary" disabled={busy}>{t('campaigns.createDraft')}</button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {fieldErrors.length ? <ul class="error">{fieldErrors.map((f) => <li>{f.field}: {f.message}</li>)}</ul> : null}
    </form>
  );
}

function PreviewFacts(props: { preview: Preview }) {
  const p = props.preview;
  return (
    <dl class="totals">
      <div><dt>{t('campaigns.segmentSize')}</dt><dd>{p.segment}</dd></div>
      <div><dt>{t('campaigns.noConsent')}</dt><dd>{p.noConsent}</dd></div>
      <div><dt>{t('campaigns.suppressed')}</dt><dd>{p.suppressed}</dd></div>
      <div><dt>{t('campaigns.capped')}</dt><dd>{p.capped}</dd></div>
      <div><dt>{t('campaigns.recipients')}</dt><dd data-total="recipients">{p.recipients}</dd></div>
    </dl>
  );
}

function Draft(props: { created: Created }) {
  const { campaign, sample } = props.created;
  return (
    <section class="card" aria-labelledby="draft-title" data-campaign={campaign.id}>
      <h2 id="draft-title">{t('campaigns.draft', { name: campaign.name })}</h2>
      <PreviewFacts preview={props.created.preview} />
      {sample ? (
        <>
          <h3>{t('campaigns.sample', { subject: sample.subject })}</h3>
          <iframe class="mail-sample" title={t('campaigns.sampleFrame')} sandbox="" srcDoc={sample.html} />
        </>
      ) : <p class="muted">{t('campaigns.noSample')}</p>}
      <Schedule campaign={campaign} />
    </section>
  );
}

function Schedule(props: { campaign: Campaign; onDone?: () => void }) {
  const me = currentSession();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState(props.campaign.status);
  if (status !== 'DRAFT') return <p><span class="badge ok">{t('campaigns.status.' + status)}</span></p>;
  const own = me?.staffId === props.campaign.createdBy && !me?.roles.includes('owner');
  return (
    <div class="row">
      <button
        type="button"
        class="primary"
        disabled={own}
        onClick={async () => {
          setError(null);
          try {
            const c = await api<Campaign>(`/staff/campaigns/${encodeURIComponent(props.campaign.id)}/schedule`, { method: 'POST', body: {} });
            setStatus(c.status);
            props.onDone?.();
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('campaigns.schedule', { at: formatDateTime(props.campaign.sendAt) })}
      </button>
      {own ? <span class="muted">{t('campaigns.fourEyes')}</span> : null}
      {error ? <ErrorBox error={error} /> : null}
    </div>
  );
}

function FindCampaign(props: { onFound: (id: string) => void }) {
  const [id, setId] = useState('');
  return (
    <form class="row" onSubmit={(e) => { e.preventDefault(); if (id.trim()) props.onFound(id.trim()); setId(''); }}>
      <label>{t('campaigns.byId')}<input value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} placeholder="cmp_…" /></label>
      <button type="submit">{t('campaigns.open')}</button>
    </form>
  );
}

function CampaignCard(props: { id: string }) {
  const load = useLoad(() => api<Answer<'/staff/campaigns/{id}'>>('/staff/campaigns/' + encodeURIComponent(props.id)), [props.id]);
  const c = load.data?.campaign;
  return (
    <li class="card" data-campaign={props.id}>
      {load.error ? <ErrorBox error={load.error} /> : null}
      {load.loading && !c ? <Loading /> : null}
      {c ? (
        <>
          <div class="card-head">
            <strong>{c.name}</strong>
            <span class="badge">{t('campaigns.status.' + c.status)}</span>
          </div>
          <div class="muted">{t('campaigns.when', { at: formatDateTime(c.sendAt), by: c.createdBy })}</div>
          {c.preview ? <PreviewFacts preview={c.preview} /> : null}
          {Object.keys(load.data!.figures).length ? (
            <dl class="facts">{Object.entries(load.data!.figures).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
          ) : null}
          <Schedule campaign={c} onDone={load.reload} />
        </>
      ) : null}
    </li>
  );
}
