import { describe, expect, it } from 'vitest';
import { parseLint } from './parseLint.js';
import { splitRendered } from './splitRendered.js';

describe('splitRendered', () => {
  it('groups documents by their # Source template, relative to the chart', () => {
    const out = [
      '---',
      '# Source: web/templates/service.yaml',
      'kind: Service',
      '---',
      '# Source: web/charts/db/templates/sts.yaml',
      'kind: StatefulSet',
      '---',
      '# Source: web/templates/service.yaml',
      'kind: Service',
      '',
    ].join('\n');
    expect(splitRendered(out)).toEqual([
      { path: 'templates/service.yaml', content: 'kind: Service\n---\nkind: Service\n' },
      { path: 'charts/db/templates/sts.yaml', content: 'kind: StatefulSet\n' },
    ]);
  });
});

describe('parseLint', () => {
  it('reads severities, files and messages', () => {
    const out =
      '==> Linting /tmp/chart\n[INFO] Chart.yaml: icon is recommended\n[ERROR] templates/: parse error\n[WARNING] values.yaml: x\n\nError: 1 chart(s) linted, 1 chart(s) failed\n';
    expect(parseLint(out)).toEqual([
      { severity: 'INFO', path: 'Chart.yaml', message: 'icon is recommended' },
      { severity: 'ERROR', path: 'templates/', message: 'parse error' },
      { severity: 'WARNING', path: 'values.yaml', message: 'x' },
    ]);
  });
});
