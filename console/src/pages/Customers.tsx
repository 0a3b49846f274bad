import { t } from '../i18n';
import { Soon } from '../ui';

export function Customers(_props: { params: Record<string, string> }) {
  return <Soon title={t('nav.customers')} id="customers" />;
}
