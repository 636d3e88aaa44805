import { describe, expect, it } from 'vitest';
import { AiToolConfig, NewAiToolConfig } from './aiToolConfig.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

describe('AiToolConfig', () => {
  it('defaults to PowerShell-compatible with an empty target', () => {
    expect(AiToolConfig.parse({ id, tool: 'KUBECTL_AI' })).toMatchObject({
      powershell_compatible: true,
      target: {},
      parameters: {},
      recommendations: [],
    });
  });

  it('refuses an unknown or lowercase tool', () => {
    expect(AiToolConfig.safeParse({ id, tool: 'chatgpt' }).success).toBe(false);
    expect(AiToolConfig.safeParse({ id, tool: 'kagent' }).success).toBe(false);
    expect(AiToolConfig.safeParse({ id, tool: 'KAGENT' }).success).toBe(true);
  });

  it('checks the target cluster id and namespace', () => {
    const target = { cluster_id: id, context: 'kind-dev', namespace: 'todo' };
    expect(AiToolConfig.safeParse({ id, tool: 'GORDON', target }).success).toBe(true);
    expect(AiToolConfig.safeParse({ id, tool: 'GORDON', target: { ...target, cluster_id: 'dev' } }).success).toBe(
      false,
    );
    expect(AiToolConfig.safeParse({ id, tool: 'GORDON', target: { ...target, namespace: 'Todo' } }).success).toBe(
      false,
    );
  });

  it('keeps analysis results as JSON objects', () => {
    expect(AiToolConfig.safeParse({ id, tool: 'OPSPILOT', analysis_results: [{ pods: 3 }] }).success).toBe(true);
    expect(AiToolConfig.safeParse({ id, tool: 'OPSPILOT', analysis_results: ['pods: 3'] }).success).toBe(false);
  });

  it('lets a caller create a configuration without an id', () => {
    expect(NewAiToolConfig.safeParse({ tool: 'KAGENT', powershell_compatible: false }).success).toBe(true);
  });
});
