/** What the user picked in the theme toggle; `system` follows prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The order the toggle cycles through. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Whether the page is dark for a choice, given whether the system prefers dark. */
export function isDark(choice: ThemeChoice, systemPrefersDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemPrefersDark);
}

/** The choice after `choice` in the toggle's cycle. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? 'system';
}

/** Parses a stored choice, falling back to `system`. */
export function parseTheme(value: string | null): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
