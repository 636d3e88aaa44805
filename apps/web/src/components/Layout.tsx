import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { useTRPC } from '../api/trpc.js';
import { useSession } from '../auth/sessionContext.js';
import { ThemeToggle } from '../theme/ThemeToggle.js';
import { Button } from './Button.js';
import { LiveStatus } from './LiveStatus.js';
import { NavBar } from './NavBar.js';

/** The frame of every page: skip link, navigation, user menu, theme toggle and the page itself. */
export function Layout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: () => void queryClient.resetQueries() }));
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-black"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <span className="text-lg font-bold">opspilot</span>
          <NavBar />
          <div className="flex items-center gap-3 text-sm">
            <LiveStatus />
            <span>
              {user.username} <span className="text-slate-600 dark:text-slate-300">({user.role})</span>
            </span>
            <ThemeToggle />
            <Button variant="secondary" onClick={() => logout.mutate()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
