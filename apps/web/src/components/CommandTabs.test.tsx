// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandTabs } from './CommandTabs.js';

afterEach(cleanup);

describe('CommandTabs', () => {
  it('shows the bash commands first and PowerShell when its tab is chosen', () => {
    render(
      <CommandTabs bash="kubectl scale deploy/backend --replicas=3" powershell="kubectl.exe scale deploy/backend" />,
    );
    expect(screen.getByRole('tabpanel').textContent).toBe('kubectl scale deploy/backend --replicas=3');
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'PowerShell' }), { button: 0, ctrlKey: false });
    expect(screen.getByRole('tab', { name: 'PowerShell' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('kubectl.exe scale deploy/backend');
  });
});
