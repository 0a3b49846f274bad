import { t } from '../i18n';
import { Soon } from '../ui';

export function Stock(_props: { params: Record<string, string> }) {
  return <Soon title={t('nav.stock')} id="stock" />;
}
