import { InputError, NotFoundError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { checkRequest } from './checkRequest.js';

const NAMESPACES = ['default', 'kube-system', 'todo'];
const failure = (request: string, chosen?: string) => {
  try {
    checkRequest(request, NAMESPACES, chosen);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('checkRequest', () => {
  it.each([
    'scale backend in nosuch to 3',
    'create a configmap foo in nosuch',
    'restart backend in nosuch',
    'list pods in nosuch',
    'restart backend in namespace nosuch',
    'restart backend in the nosuch namespace',
    'get pods -n nosuch',
    'scale frontend to 3 replicas in nosuch',
  ])('names the missing namespace of "%s" and lists those there are', (request) => {
    const error = failure(request);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      message: 'namespace "nosuch" not found',
      hint: expect.stringContaining('the namespaces are default, kube-system, todo'),
    });
  });

  it('refuses a chosen namespace (-n, the API) that does not exist', () => {
    expect(failure('scale backend to 3', 'staging')).toMatchObject({ message: 'namespace "staging" not found' });
  });

  it.each([
    'scale backend to 3 replicas',
    'scale backend in todo to 2',
    'scale frontend to 3 replicas in todo',
    'show errors in backend logs in the last 10 minutes',
    'grep for timeout in the frontend logs',
    'show pods in crashloop',
    'exec into the backend pod',
    'create a secret db-creds with password=changeme in todo',
    'set memory limit of backend to 512Mi',
    'scale backend to 0',
  ])('lets "%s" through', (request) => expect(failure(request, 'todo')).toBeUndefined());

  it.each([
    'scale backend to -1',
    'scale backend to -1 replicas',
    'set replicas of backend to -3',
    'run backend -2 replicas',
  ])('refuses the negative count of "%s"', (request) => {
    const error = failure(request);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ message: 'replicas must be 0 or more' });
  });
});
