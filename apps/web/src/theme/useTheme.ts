import { useEffect, useState } from 'react';
import { isDark, nextTheme, parseTheme, type ThemeChoice } from './themeClass.js';

const STORAGE_KEY = 'opspilot.theme';

/**
 * The theme: the stored choice (default `system`), applied as the `dark` class on `<html>` and kept in step with
 * prefers-color-scheme while the choice is `system`. Returns the choice and a function moving to the next one.
 */
export function useTheme(): { choice: ThemeChoice; cycle: () => void } {
  const [choice, setChoice] = useState<ThemeChoice>(() => parseTheme(localStorage.getItem(STORAGE_KEY)));
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.documentElement.classList.toggle('dark', isDark(choice, media.matches));
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
  return {
    choice,
    cycle: () =>
      setChoice((current) => {
        const next = nextTheme(current);
        localStorage.setItem(STORAGE_KEY, next);
        return next;
      }),
  };
}
