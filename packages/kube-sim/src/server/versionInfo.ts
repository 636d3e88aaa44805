/**
 * What `GET /version` answers: a Kubernetes 1.32 server (kubectl and client libraries check `major`/`minor`).
 * @see https://kubernetes.io/docs/reference/using-api/health-checks/
 */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-opspilot',
  gitCommit: 'opspilot',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};
