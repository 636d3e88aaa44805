import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadKubeConfig } from './loadKubeConfig.js';
import { ALLOWED_EXEC_COMMANDS_SETTING, refuseUntrustedKubeconfig } from './refuseUntrustedCommands.js';

/** A kubeconfig whose only user authenticates with `user`. */
function kubeconfig(user: Record<string, unknown>): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443' } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
  });
}

const execUser = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '/bin/sh', args: ['-c', 'id'] } };
const gcpUser = { 'auth-provider': { name: 'gcp', config: { 'cmd-path': '/usr/bin/gcloud', 'cmd-args': 'x' } } };

describe('credential commands of a stored kubeconfig', () => {
  it('refuses an exec plugin that is not allowed, naming the command and the setting', () => {
    const result = loadKubeConfig({ kubeconfigYaml: kubeconfig(execUser), allowedExecCommands: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(InputError);
    expect(result.error.message).toContain('/bin/sh');
    expect(result.error.hint).toContain(ALLOWED_EXEC_COMMANDS_SETTING);
  });

  it('refuses an auth-provider command, and a user of a context that is not the current one', () => {
    expect(loadKubeConfig({ kubeconfigYaml: kubeconfig(gcpUser), allowedExecCommands: ['/bin/sh'] }).ok).toBe(false);
    const twoUsers = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443' } }],
      users: [
        { name: 'ok', user: { token: 't' } },
        { name: 'bad', user: execUser },
      ],
      contexts: [
        { name: 'good', context: { cluster: 'c', user: 'ok' } },
        { name: 'evil', context: { cluster: 'c', user: 'bad' } },
      ],
      'current-context': 'good',
    });
    expect(loadKubeConfig({ kubeconfigYaml: twoUsers, allowedExecCommands: [] }).ok).toBe(false);
  });

  it('runs a listed command, and leaves the trusted (CLI) path and token users alone', () => {
    expect(loadKubeConfig({ kubeconfigYaml: kubeconfig(execUser), allowedExecCommands: ['/bin/sh'] }).ok).toBe(true);
    expect(loadKubeConfig({ kubeconfigYaml: kubeconfig(execUser) }).ok).toBe(true);
    expect(loadKubeConfig({ kubeconfigYaml: kubeconfig({ token: 'abc' }), allowedExecCommands: [] }).ok).toBe(true);
  });
});

describe('refuseUntrustedKubeconfig', () => {
  it('checks kubeconfig text before it is stored', () => {
    expect(refuseUntrustedKubeconfig(kubeconfig(execUser), []).ok).toBe(false);
    expect(refuseUntrustedKubeconfig(kubeconfig({ token: 'abc' }), []).ok).toBe(true);
    expect(refuseUntrustedKubeconfig('apiVersion: v1\nkind: Config\n', []).ok).toBe(true);
    expect(refuseUntrustedKubeconfig('clusters: [unclosed', []).ok).toBe(false);
  });
});
