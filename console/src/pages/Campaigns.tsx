import { t } from '../i18n';
import { Soon } from '../ui';

export function Campaigns(_props: { params: Record<string, string> }) {
  return <Soon title={t('nav.campaigns')} id="campaigns" />;
}
