// @vitest-environment happy-dom
import type { Operation } from '@opspilot/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, TRPCProvider } from '../../api/trpc.js';
import { ApprovalForm } from './ApprovalForm.js';

afterEach(cleanup);

const operation = (risk: Operation['risk'], confirmations: string[]): Operation => ({
  id: '00000000-0000-4000-8000-000000000001',
  request: 'delete namespace todo',
  plan: {
    request: 'delete namespace todo',
    summary: 'Delete namespace todo',
    steps: [{ op: 'delete', target: { kind: 'Namespace', name: 'todo' }, description: 'delete namespace todo' }],
    risk,
    riskReasons: [],
    assumptions: [],
    rendered: { bash: 'kubectl delete namespace todo', powershell: 'kubectl delete namespace todo' },
    planner: 'offline',
  } as Operation['plan'],
  risk,
  risk_reasons: ['deletes namespace todo and everything in it'],
  confirmations,
  diff: '',
  state: 'NEEDS_REVIEW',
  proposed_by: 'u1',
  problems: [],
  steps: [],
  result: '',
  details: {},
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

function renderForm(op: Operation) {
  const queryClient = new QueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={createApiClient('http://127.0.0.1:9')} queryClient={queryClient}>
        <ApprovalForm operation={op} onChange={() => {}} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
  return screen.getByRole('button', { name: 'Approve and apply' }) as HTMLButtonElement;
}

describe('ApprovalForm', () => {
  it('keeps a destructive plan unapprovable until every resource name is typed exactly', () => {
    const approve = renderForm(operation('destructive', ['todo']));
    expect(approve.disabled).toBe(true);
    const field = screen.getByLabelText(/Type\s*todo/);
    fireEvent.change(field, { target: { value: 'tod' } });
    expect(approve.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'todo' } });
    expect(approve.disabled).toBe(false);
  });

  it('lets a write plan be approved at once', () => {
    expect(renderForm(operation('write', [])).disabled).toBe(false);
    expect(screen.queryByText(/This plan is destructive/)).toBeNull();
  });
});
