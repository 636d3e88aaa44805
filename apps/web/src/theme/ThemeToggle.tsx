import { Monitor, Moon, Sun } from 'lucide-react';
import { useTheme } from './useTheme.js';

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const;

/** A button cycling the colour theme: system (prefers-color-scheme), light, dark. */
export function ThemeToggle() {
  const { choice, cycle } = useTheme();
  const Icon = ICONS[choice];
  return (
    <button
      type="button"
      onClick={cycle}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      aria-label={`Colour theme: ${choice}. Switch theme`}
    >
      <Icon className="size-4" aria-hidden="true" />
      <span className="capitalize">{choice}</span>
    </button>
  );
}
