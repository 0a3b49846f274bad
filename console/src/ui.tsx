/** Small shared pieces: page frame, loading/error states, a data hook. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { t } from './i18n';

export function Page(props: { title: string; actions?: ComponentChildren; children?: ComponentChildren; id?: string }) {
  return (
    <section class="page" data-page={props.id} aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">{props.title}</h1>
        {props.actions && <div class="page-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

export function Loading() {
  return <p class="muted" role="status">{t('loading')}</p>;
}

export function ErrorBox(props: { error: unknown }) {
  const e = props.error;
  const text = e instanceof ApiError && e.status === 403 ? t('error.forbidden') : t('error.generic', { detail: e instanceof Error ? e.message : String(e) });
  return <p class="error" role="alert">{text}</p>;
}

export interface Load<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads with fn; again when deps change, when reload() is called, and every refreshMs if given. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[], refreshMs?: number): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  useEffect(() => {
    let live = true;
    setLoading(true);
    fn().then(
      (d) => live && (setData(d), setError(null), setLoading(false)),
      (e) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return { data, error, loading, reload };
}

export function Soon(props: { title: string; id: string }) {
  return (
    <Page title={props.title} id={props.id}>
      <p class="muted">{t('soon')}</p>
    </Page>
  );
}
