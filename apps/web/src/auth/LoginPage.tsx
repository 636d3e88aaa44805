import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../api/trpc.js';
import { Button } from '../components/Button.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900';

/**
 * The sign-in form. `auth.login` sets the HttpOnly session cookie and the readable CSRF cookie; `onSignedIn` then
 * lets the dashboard load.
 */
export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const trpc = useTRPC();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: onSignedIn }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form
        onSubmit={submit}
        aria-labelledby="login-title"
        className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 p-6 shadow-sm dark:border-slate-800"
      >
        <h1 id="login-title" className="text-2xl font-semibold">
          Sign in to opspilot
        </h1>
        <label className="block text-sm font-medium">
          Username
          <input
            className={field}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            className={field}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorNotice error={login.error} />
        <Button type="submit" className="w-full" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          On the first start the server prints the administrator's one-time password.
        </p>
      </form>
    </main>
  );
}
