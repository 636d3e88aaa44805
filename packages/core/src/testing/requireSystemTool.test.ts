import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors/index.js';
import { findSystemTool, requireSystemTool, SYSTEM_TOOLS } from './requireSystemTool.js';

const bin = mkdtempSync(join(tmpdir(), 'opspilot-tools-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));
const install = (name: string, mode = 0o755) => {
  writeFileSync(join(bin, name), '#!/bin/sh\n');
  chmodSync(join(bin, name), mode);
  return join(bin, name);
};

describe('requireSystemTool', () => {
  it('finds a tool on PATH, under any command its package installs, or where <TOOL>_PATH says', () => {
    const alertmanager = install('prometheus-alertmanager');
    expect(findSystemTool('alertmanager', { PATH: `/nonexistent:${bin}` })).toBe(alertmanager);
    const chromium = install('chromium-browser');
    expect(requireSystemTool('chromium', { PATH: bin })).toBe(chromium);
    expect(requireSystemTool('chromium', { PATH: '', CHROMIUM_PATH: chromium })).toBe(chromium);
    install('promtool', 0o644);
    expect(findSystemTool('promtool', { PATH: bin })).toBeUndefined();
  });

  it('throws one line naming the Debian package when the tool is missing', () => {
    const missing = () => requireSystemTool('promtool', { PATH: '/nonexistent' });
    expect(missing).toThrow(NotFoundError);
    expect(missing).toThrow(
      /^promtool not found: install the Debian package `prometheus` \(apt-get install prometheus\)$/,
    );
    expect(() => requireSystemTool('alertmanager', { PATH: '' })).toThrow(
      'install the Debian package `prometheus-alertmanager` (apt-get install prometheus-alertmanager)',
    );
    expect(() => requireSystemTool('chromium', { PATH: bin, CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'chromium not found at CHROMIUM_PATH=/nonexistent/chromium: install the Debian package `chromium`',
    );
  });

  it('names only packages that .ci/run installs', () => {
    const listed = readFileSync(new URL('../../../../.ci/apt-packages', import.meta.url), 'utf8').split('\n');
    for (const { debianPackage } of Object.values(SYSTEM_TOOLS)) expect(listed).toContain(debianPackage);
  });
});
