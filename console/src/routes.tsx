/** Which page answers which hash path, and the section (roles) it belongs to. */
import type { ComponentType } from 'preact';
import { Tasks } from './pages/Tasks';
import { Orders } from './pages/Orders';
import { OrderPage } from './pages/OrderPage';
import { NewOrder } from './pages/NewOrder';
import { CustomerPage, Customers } from './pages/Customers';
import { Stock } from './pages/Stock';
import { PriceHistory } from './pages/PriceHistory';
import { Reports } from './pages/Reports';
import { Campaigns } from './pages/Campaigns';
import { Team } from './pages/Team';

export interface RouteDef {
  pattern: string;
  section: string;
  page: ComponentType<{ params: Record<string, string> }>;
}

// the first match wins: literal paths before :params
export const routes: RouteDef[] = [
  { pattern: 'tasks', section: 'tasks', page: Tasks },
  { pattern: 'orders', section: 'orders', page: Orders },
  { pattern: 'orders/new', section: 'newOrder', page: NewOrder },
  { pattern: 'orders/:id', section: 'orders', page: OrderPage },
  { pattern: 'customers', section: 'customers', page: Customers },
  { pattern: 'customers/:id', section: 'customers', page: CustomerPage },
  { pattern: 'stock', section: 'stock', page: Stock },
  { pattern: 'stock/:sku/prices', section: 'stock', page: PriceHistory },
  { pattern: 'reports', section: 'reports', page: Reports },
  { pattern: 'campaigns', section: 'campaigns', page: Campaigns },
  { pattern: 'team', section: 'team', page: Team },
];
