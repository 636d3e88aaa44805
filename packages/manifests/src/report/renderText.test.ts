import { describe, expect, it } from 'vitest';
import { validateFiles } from '../validate/validateFiles.js';
import { renderValidationText } from './renderText.js';

describe('renderValidationText', () => {
  it('groups findings by file with line:column, severity, rule and fix, then a summary', async () => {
    const report = await validateFiles([
      { path: 'b.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { API_TOKEN: x }\n' },
      { path: 'a/Dockerfile', content: 'FROM alpine:3.19\nUSER 10001\nHEALTHCHECK NONE\nCMD run\n' },
    ]);
    const text = renderValidationText(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('a/Dockerfile');
    expect(text).toContain('  4:1     warning  CMD uses the shell form: run  [docker-json-cmd]');
    expect(text).toContain('          fix: write CMD ["executable", "arg"] instead of CMD executable arg');
    expect(lines).toContain('b.yaml');
    expect(text).toMatch(
      / {2}4:9 +warning {2}ConfigMap key "API_TOKEN" looks like a credential \(ConfigMap\/c\) {2}\[configmap-secrets\]/,
    );
    expect(lines.at(-2)).toBe(
      `2 files, 1 resource: 0 errors, ${report.summary.warnings} warnings, ${report.summary.infos} info`,
    );
  });

  it('says so when there is nothing to report', async () => {
    expect(renderValidationText(await validateFiles([]))).toBe('0 files, 0 resources: no problems\n');
  });
});
