import type { Texts } from '../i18n';

/** Texts of the owner's pages: customers, stock and suppliers, reports, campaigns, team. */
export const owner: Texts = {
  ru: {},
  en: {},
};
