import { describe, expect, it } from 'vitest';
import { printStartBanner } from './printStartBanner.js';

describe('printStartBanner', () => {
  const capture = (banner: Parameters<typeof printStartBanner>[1]) => {
    let text = '';
    printStartBanner({ write: (t: string) => (text += t) }, banner);
    return text;
  };

  it('shows the URL and, on the first start only, the administrator credentials with an example', () => {
    const first = capture({
      url: 'http://127.0.0.1:8080',
      admin: { username: 'admin', password: 'p4ss', token: 'ops_abc' },
      simClusters: [
        { name: 'sim-demo', url: 'https://127.0.0.1:6443' },
        { name: 'sim-staging', url: 'https://127.0.0.1:6444' },
      ],
    });
    expect(first).toContain('opspilot is running at http://127.0.0.1:8080');
    expect(first).toContain('password:  p4ss');
    expect(first).toContain('curl -H "Authorization: Bearer ops_abc" http://127.0.0.1:8080/api/v1/clusters');
    expect(first).toContain('simulated cluster: sim-demo (https://127.0.0.1:6443)');
    expect(first).toContain('simulated cluster: sim-staging (https://127.0.0.1:6444)');
    expect(capture({ url: 'http://x' })).not.toContain('password');
  });
});
