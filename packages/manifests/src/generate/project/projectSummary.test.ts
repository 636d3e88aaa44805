import { describe, expect, it } from 'vitest';
import { listProjectServices } from './projectSummary.js';

describe('listProjectServices', () => {
  it('lists each service with its folder, stack, port, probe and own Dockerfile, in snake_case', () => {
    const r = listProjectServices(
      [
        { path: 'go.mod', content: 'module example.com/tools\n\ngo 1.23\n' },
        {
          path: 'cmd/api/main.go',
          content:
            'package main\n\nfunc main() {\n\thttp.HandleFunc("/healthz", ok)\n\thttp.ListenAndServe(":9000", nil)\n}\n',
        },
        { path: 'cmd/cron/main.go', content: 'package main\n\nfunc main() {}\n' },
        { path: 'cmd/cron/Dockerfile', content: 'FROM alpine:3.20\nUSER 10001\nEXPOSE 8125\nCMD ["/cron"]\n' },
      ],
      { name: 'tools' },
    );
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ name: 'tools', monorepo: true });
    expect(r.value.apps).toEqual([
      expect.objectContaining({
        name: 'api',
        path: 'cmd/api',
        stack: 'go',
        runtime_version: '1.23',
        port: 9000,
        probe: 'http',
        health_path: '/healthz',
        env: [],
      }),
      expect.objectContaining({ name: 'cron', path: 'cmd/cron', port: 8125, dockerfile: 'cmd/cron/Dockerfile' }),
    ]);
    expect(r.value.apps[0]).not.toHaveProperty('dockerfile');
  });

  it('fails with an InputError and a hint when nothing is deployable', () => {
    const r = listProjectServices([{ path: 'README.md', content: '# notes' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.hint).toContain('package.json');
  });
});
