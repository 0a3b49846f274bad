import { t } from '../i18n';
import { Soon } from '../ui';

export function Team(_props: { params: Record<string, string> }) {
  return <Soon title={t('nav.team')} id="team" />;
}
