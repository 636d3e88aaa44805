import type { ButtonHTMLAttributes } from 'react';

const VARIANTS = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-400 dark:bg-sky-600 dark:hover:bg-sky-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400 dark:bg-red-600 dark:hover:bg-red-500',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
} as const;

/** A button in one of the dashboard's three styles; `type="button"` unless told otherwise. */
export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
