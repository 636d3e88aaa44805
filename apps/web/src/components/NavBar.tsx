import { NavLink } from 'react-router';

/** The dashboard's pages, in the order they appear in the navigation. */
export const PAGES = [
  { path: '/', label: 'Overview' },
  { path: '/clusters', label: 'Clusters' },
  { path: '/ask', label: 'Ask' },
  { path: '/chat', label: 'Chat' },
  { path: '/reviews', label: 'Reviews' },
  { path: '/findings', label: 'Findings' },
  { path: '/validate', label: 'Validate' },
  { path: '/generate', label: 'Generate' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/anomalies', label: 'Anomalies' },
  { path: '/healing', label: 'Self-healing' },
  { path: '/security', label: 'Security' },
  { path: '/cost', label: 'Cost' },
  { path: '/incidents', label: 'Incidents' },
  { path: '/logs', label: 'Logs' },
  { path: '/traces', label: 'Traces' },
  { path: '/metrics', label: 'Metrics' },
  { path: '/gpus', label: 'GPUs' },
  { path: '/runs', label: 'Runs & DORA' },
  { path: '/tests', label: 'Tests' },
  { path: '/delivery', label: 'Delivery' },
  { path: '/reports', label: 'Reports' },
  { path: '/docs', label: 'Docs' },
  { path: '/audit', label: 'Audit log' },
] as const;

/** The main navigation; the current page is marked with `aria-current`. */
export function NavBar() {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1">
        {PAGES.map((page) => (
          <li key={page.path}>
            <NavLink
              to={page.path}
              end={page.path === '/'}
              className={({ isActive }) =>
                `block rounded-md px-3 py-1.5 text-sm font-medium ${
                  isActive
                    ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
                    : 'hover:bg-slate-100 dark:hover:bg-slate-800'
                }`
              }
            >
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
