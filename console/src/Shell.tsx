import { useState } from 'preact/hooks';
import { signOut, type Session } from './auth';
import { lang, setLang, t } from './i18n';
import { match, useHashPath } from './router';
import { routes } from './routes';
import { allowed, sections, visibleSections } from './sections';
import { Page } from './ui';

export function LangSwitch() {
  const next = lang() === 'ru' ? 'en' : 'ru';
  return (
    <button type="button" class="link" lang={next} aria-label={t('lang.label') + ': ' + t('lang.switch')} onClick={() => setLang(next)}>
      {t('lang.switch')}
    </button>
  );
}

/** The frame of every page: the sections the role may see, who is signed in, the language, sign-out. */
export function Shell(props: { session: Session }) {
  const { session } = props;
  let path = useHashPath();
  const [menuOpen, setMenuOpen] = useState(false);
  const visible = visibleSections(session.roles);
  if (!path && visible.length) {
    // the home page: the first section the role sees (My tasks)
    path = visible[0].path;
    history.replaceState(null, '', '#/' + path);
  }
  let content = null;
  let active = '';
  for (const r of routes) {
    const params = match(r.pattern, path);
    if (!params) continue;
    const section = sections.find((s) => s.id === r.section)!;
    active = section.id;
    content = allowed(section, session.roles) ? (
      <r.page params={params} />
    ) : (
      <Page title={t(section.label)} id="forbidden">
        <p class="error" role="alert">{t('error.forbidden')}</p>
      </Page>
    );
    break;
  }
  if (!content) {
    content = (
      <Page title={t('error.notFound')} id="not-found">
        <p class="muted">{t('error.notFound')}</p>
      </Page>
    );
  }
  return (
    <div class="shell">
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('app.skip')}</a>
      <header class="top">
        <button type="button" class="menu-button" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          {t('nav.menu')}
        </button>
        <span class="brand">storeops</span>
        <span class="who" data-staff={session.staffId}>
          {session.name} <span class="muted">({session.roles.map((r) => t('role.' + r)).join(', ')})</span>
        </span>
        <LangSwitch />
        <button type="button" class="link" onClick={signOut}>{t('signOut')}</button>
      </header>
      <nav id="nav" class={'nav' + (menuOpen ? ' open' : '')} aria-label={t('nav.label')}>
        <ul>
          {visible.map((s) => (
            <li key={s.id}>
              <a href={'#/' + s.path} data-nav={s.id} aria-current={s.id === active ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>{content}</main>
    </div>
  );
}
