/**
 * The console's sections and who sees them: a copy, for the screen, of the permission table
 * (shared/.../staff/StaffPermissions, docs/permissions.md). Hiding is a courtesy; the API refuses anyway.
 */
import type { Role } from './auth';

export interface Section {
  id: string;
  /** the hash path: #/<path> */
  path: string;
  label: string;
  roles: Role[];
}

export const sections: Section[] = [
  { id: 'tasks', path: 'tasks', label: 'nav.tasks', roles: ['owner', 'manager', 'warehouse', 'marketing'] },
  { id: 'orders', path: 'orders', label: 'nav.orders', roles: ['owner', 'manager', 'warehouse'] },
  { id: 'newOrder', path: 'orders/new', label: 'nav.newOrder', roles: ['owner', 'manager'] },
  { id: 'customers', path: 'customers', label: 'nav.customers', roles: ['owner', 'manager'] },
  { id: 'stock', path: 'stock', label: 'nav.stock', roles: ['owner', 'warehouse'] },
  { id: 'reports', path: 'reports', label: 'nav.reports', roles: ['owner', 'warehouse'] },
  { id: 'campaigns', path: 'campaigns', label: 'nav.campaigns', roles: ['owner', 'marketing'] },
  { id: 'team', path: 'team', label: 'nav.team', roles: ['owner'] },
];

export function allowed(section: Section, roles: Role[]): boolean {
  return section.roles.some((r) => roles.includes(r));
}

export function visibleSections(roles: Role[]): Section[] {
  return sections.filter((s) => allowed(s, roles));
}
