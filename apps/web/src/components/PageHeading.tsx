import type { ReactNode } from 'react';

/** The page's title (the one `h1`) and an optional line under it. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{children}</p> : null}
    </header>
  );
}
