// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeToggle } from './ThemeToggle.js';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('ThemeToggle', () => {
  it('cycles system, light, dark, sets the dark class on <html> and remembers the choice', () => {
    render(<ThemeToggle />);
    const button = screen.getByRole('button', { name: /Colour theme: system/ });
    fireEvent.click(button);
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    expect(localStorage.getItem('opspilot.theme')).toBe('light');
    fireEvent.click(button);
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(button.getAttribute('aria-label')).toContain('dark');
  });
});
