import { t } from '../i18n';
import { Soon } from '../ui';

export function NewOrder(_props: { params: Record<string, string> }) {
  return <Soon title={t('nav.newOrder')} id="new-order" />;
}
