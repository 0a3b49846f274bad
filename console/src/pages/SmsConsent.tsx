import { useState } from 'preact/hooks';
import { SMS_CONSENT_SOURCES, setSmsConsent, type SmsConsentSource } from '../api';
import { formatDateTime, t } from '../i18n';
import { ErrorBox } from '../ui';

export interface ConsentStep { kind: string; at: string; source: string; channel?: string; by?: string }

/**
 * The SMS choice in force: the newest consent step with channel SMS (every change made through
 * PUT /staff/customers/{id}/sms-consent is one); none = transactional SMS allowed (docs/notifications.md).
 */
export function smsChoice(consent: ConsentStep[]): { allowed: boolean; step?: ConsentStep } {
  const step = consent.filter((c) => c.channel === 'SMS').sort((a, b) => String(b.at).localeCompare(String(a.at)))[0];
  return { allowed: !step || step.kind !== 'WITHDRAWN', step };
}

/** The dossier's SMS control: what is in force, and a switch with how the customer asked (owner, the customer's manager). */
export function SmsConsentControl(props: { customerId: string; consent: ConsentStep[]; onChanged: () => void }) {
  const { allowed, step } = smsChoice(props.consent);
  const [source, setSource] = useState<SmsConsentSource>('phone-call');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  async function change() {
    setBusy(true);
    setError(null);
    try {
      const r = await setSmsConsent(props.customerId, !allowed, source);
      setNote(r.changed ? '' : t('sms.unchanged'));
      props.onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sms-consent" data-sms-consent={allowed ? 'allowed' : 'opted-out'}>
      <span class={'badge' + (allowed ? ' ok' : ' danger')}>{allowed ? t('sms.allowed') : t('sms.optedOut')}</span>
      {step ? <span class="muted small"> {t('sms.since', { when: formatDateTime(step.at) })}</span> : null}
      <form class="row" onSubmit={(e) => { e.preventDefault(); change(); }}>
        <label>{t('sms.source')}
          <select value={source} data-field="sms-source" onChange={(e) => setSource((e.target as HTMLSelectElement).value as SmsConsentSource)}>
            {SMS_CONSENT_SOURCES.map((s) => <option key={s} value={s}>{t('smsSource.' + s)}</option>)}
          </select>
        </label>
        <button type="submit" class={allowed ? 'danger' : 'primary'} disabled={busy} data-action={allowed ? 'sms-opt-out' : 'sms-allow'}>
          {allowed ? t('sms.optOut') : t('sms.allow')}
        </button>
      </form>
      {note ? <p class="muted small" role="status">{note}</p> : null}
      {error ? <ErrorBox error={error} /> : null}
    </div>
  );
}
