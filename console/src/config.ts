/**
 * Settings the console function injects into the HTML shell (<meta name="storeops-config">), and
 * where the API is: the console lives at <api>/console/, so the API base is the path before it
 * ("" in local mode, "/<stage>" on an execute-api URL).
 */
export interface ConsoleConfig {
  /** "local": local mode's sign-in page; "cognito": the user pool's hosted UI (code + PKCE). */
  signIn: 'local' | 'cognito';
  /** Cognito hosted UI domain, e.g. https://storeops-dev.auth.eu-central-1.amazoncognito.com */
  cognitoDomain?: string;
  cognitoClientId?: string;
  defaultLocale?: 'ru' | 'en';
}

function readConfig(): ConsoleConfig {
  const meta = document.querySelector('meta[name="storeops-config"]');
  let parsed: Partial<ConsoleConfig> = {};
  try {
    parsed = JSON.parse(meta?.getAttribute('content') || '{}');
  } catch {
    parsed = {};
  }
  return { signIn: parsed.signIn === 'cognito' ? 'cognito' : 'local', ...parsed } as ConsoleConfig;
}

export const config: ConsoleConfig = readConfig();

/** The API base path: everything before "/console" in the page's path. */
export const apiBase: string = (() => {
  const p = location.pathname;
  const i = p.indexOf('/console');
  return i > 0 ? p.substring(0, i) : '';
})();

/** The console's own URL without query or hash: the OAuth redirect URI. */
export const consoleUrl: string = location.origin + apiBase + '/console/';
