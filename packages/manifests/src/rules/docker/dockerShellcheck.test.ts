import { describe, expect, it } from 'vitest';
import { shellcheckRun } from './dockerShellcheck.js';

describe('shellcheckRun (mvdan-sh parse)', () => {
  it('reports unquoted variables and command substitutions in arguments, once per code and name', () => {
    expect(shellcheckRun('cp $SRC $SRC.bak && chown $(id -u) "$DEST" && echo $?', false).map((f) => f.code)).toEqual([
      'SC2086',
      'SC2046',
    ]);
  });

  it('leaves quoted expansions, assignments and lengths alone', () => {
    expect(shellcheckRun('VERSION=$(cat v) make "$TARGET" "$(nproc)" && echo ${#PATH}', false)).toEqual([]);
  });

  it('reports bashisms under /bin/sh only', () => {
    const body = '[[ -d /app ]] && source /app/env && echo {a,b}';
    expect(shellcheckRun(body, false).map((f) => f.code)).toEqual(['SC3010', 'SC3046', 'SC3009']);
    expect(shellcheckRun(body, true)).toEqual([]);
  });

  it('skips what the parser cannot read', () => {
    expect(shellcheckRun('if then fi (((', false)).toEqual([]);
  });
});
