import { describe, expect, it } from 'vitest';
import { emptyForm, formErrors, formOf, parseLabels, registerInput, updateInput } from './clusterFormInput.js';

describe('the cluster form', () => {
  it('names every field that is wrong', () => {
    const errors = formErrors(
      {
        ...emptyForm(),
        name: 'Bad_Name',
        labels: 'team=a, oops',
        api_server_url: 'http://insecure:6443',
        ca_pem: 'not a pem',
        prometheus_url: 'ftp://x',
      },
      true,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'api_server_url',
      'ca_pem',
      'labels',
      'name',
      'prometheus_url',
      'token',
    ]);
    expect(errors.labels).toContain('"oops"');
    expect(formErrors({ ...emptyForm(), credentials: 'KUBECONFIG', name: 'ok-name' }, true)).toEqual({
      kubeconfig: 'paste a kubeconfig',
    });
  });

  it('builds the register input with a service-account token, tested before saving', () => {
    const state = {
      ...emptyForm(),
      name: 'sim-second',
      display_name: 'Second',
      labels: 'team=platform\ntier=2',
      api_server_url: 'https://127.0.0.1:6443',
      token: ' tok ',
      prometheus_url: 'http://prom:9090',
    };
    expect(formErrors(state, true)).toEqual({});
    expect(registerInput(state)).toEqual({
      name: 'sim-second',
      display_name: 'Second',
      environment: 'DEVELOPMENT',
      labels: { team: 'platform', tier: '2' },
      endpoints: { prometheus_url: 'http://prom:9090' },
      api_server_url: 'https://127.0.0.1:6443',
      service_account: { token: 'tok' },
      check_connection: true,
    });
  });

  it('edits a registered cluster keeping its credentials unless replaced', () => {
    const form = formOf({
      name: 'prod',
      environment: 'PRODUCTION',
      labels: { a: '1' },
      api_server_url: 'https://p:6443',
    });
    expect(form.labels).toBe('a=1');
    expect(formErrors(form, false)).toEqual({});
    expect(updateInput('id-1', { ...form, display_name: 'Prod' })).toEqual({
      id: 'id-1',
      display_name: 'Prod',
      environment: 'PRODUCTION',
      labels: { a: '1' },
      endpoints: {},
      check_connection: false,
    });
    expect(parseLabels('').labels).toEqual({});
  });
});
