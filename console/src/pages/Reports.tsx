import { t } from '../i18n';
import { Soon } from '../ui';

export function Reports(_props: { params: Record<string, string> }) {
  return <Soon title={t('nav.reports')} id="reports" />;
}
