import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { currentSession, type Session } from './auth';
import { config } from './config';
import { lang, onLangChange, setLang } from './i18n';
import { Shell } from './Shell';
import { SignIn } from './SignIn';

function App() {
  const [session, setSession] = useState<Session | null>(currentSession());
  const [, setLangTick] = useState(0);
  useEffect(() => onLangChange(() => setLangTick((x) => x + 1)), []);
  if (!session) return <SignIn onSignedIn={setSession} />;
  return <Shell session={session} />;
}

if (!localStorage.getItem('storeops.lang') && config.defaultLocale) setLang(config.defaultLocale);
document.documentElement.lang = lang();
render(<App />, document.getElementById('app')!);
