import { describe, expect, it } from 'vitest';
import { ToolCall, ToolResult } from './toolCall.js';

describe('ToolCall', () => {
  it('defaults to no arguments', () => {
    expect(ToolCall.parse({ id: 't1', name: 'query_metrics' })).toEqual({
      id: 't1',
      name: 'query_metrics',
      arguments: {},
    });
  });

  it('requires an id, a name and object arguments', () => {
    expect(ToolCall.safeParse({ id: '', name: 'query_metrics' }).success).toBe(false);
    expect(ToolCall.safeParse({ id: 't1', name: '' }).success).toBe(false);
    expect(ToolCall.safeParse({ id: 't1', name: 'query_metrics', arguments: '{"query":"up"}' }).success).toBe(false);
    expect(ToolCall.safeParse({ id: 't1', name: 'query_metrics', arguments: ['up'] }).success).toBe(false);
  });
});

describe('ToolResult', () => {
  it('accepts success with a result and failure with an error', () => {
    expect(ToolResult.safeParse({ tool_call_id: 't1', status: 'SUCCESS', result: { value: 1 } }).success).toBe(true);
    expect(ToolResult.safeParse({ tool_call_id: 't1', status: 'TIMEOUT', error: 'after 30s' }).success).toBe(true);
  });

  it('refuses an unknown status or a missing call id', () => {
    expect(ToolResult.safeParse({ tool_call_id: 't1', status: 'OK' }).success).toBe(false);
    expect(ToolResult.safeParse({ status: 'SUCCESS' }).success).toBe(false);
  });
});
