import { useEffect, useState } from 'preact/hooks';
import { cognitoConfigured, cognitoSignIn, completeCognitoSignIn, localSignIn, localStaff, type DemoStaff, type Session } from './auth';
import { config } from './config';
import { LangSwitch } from './Shell';
import { t } from './i18n';

/** Local mode: the demo staff as buttons. AWS: one button to the Cognito hosted UI (and the return from it). */
export function SignIn(props: { onSignedIn: (s: Session) => void }) {
  const [staff, setStaff] = useState<DemoStaff[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (config.signIn === 'local') {
      localStaff().then(setStaff, (e) => setError(String(e.message || e)));
    } else {
      completeCognitoSignIn().then((s) => s && props.onSignedIn(s), (e) => setError(String(e.message || e)));
    }
  }, []);
  return (
    <main class="sign-in" id="main">
      <div class="sign-in-box">
        <div class="sign-in-top">
          <h1>{t('signIn.title')}</h1>
          <LangSwitch />
        </div>
        {error ? <p class="error" role="alert">{t('signIn.failed', { reason: error })}</p> : null}
        {config.signIn === 'local' ? (
          <>
            <p class="muted">{t('signIn.local')}</p>
            <ul class="staff-list">
              {(staff || []).map((s) => (
                <li key={s.id}>
                  <button type="button" class="staff" data-staff={s.id}
                    onClick={() => localSignIn(s).then(props.onSignedIn, (e) => setError(String(e.message || e)))}>
                    <span class="staff-name">{s.name}</span>
                    <span class="muted">{s.roles.map((r) => t('role.' + r)).join(', ')} · {s.id}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : cognitoConfigured() ? (
          <>
            <p class="muted">{t('signIn.cognitoHint')}</p>
            <button type="button" class="primary" onClick={() => cognitoSignIn()}>{t('signIn.cognito')}</button>
          </>
        ) : (
          <p class="error">{t('signIn.notConfigured')}</p>
        )}
      </div>
    </main>
  );
}
