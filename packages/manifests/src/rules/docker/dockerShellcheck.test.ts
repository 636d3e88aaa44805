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

describe('shellcheckRun: statement checks', () => {
  const codes = (body: string, bash = false) => shellcheckRun(body, bash).map((f) => f.code);

  it('SC2164: a cd whose failure nothing handles before the next command', () => {
    expect(codes('cd /src; make')).toEqual(['SC2164']);
    expect(codes('apt-get update && cd /src\nmake')).toEqual(['SC2164']);
    expect(codes('cd /src && make; cd /out || exit 1; ls')).toEqual([]);
    expect(codes('make && cd /out')).toEqual([]);
  });

  it('SC2155: export, local or readonly of a command substitution', () => {
    expect(codes('export VERSION=$(cat VERSION) && make')).toEqual(['SC2155']);
    expect(codes('export VERSION="$(cat VERSION)"')).toEqual(['SC2155']);
    expect(codes('VERSION="$(cat VERSION)" && export VERSION && export PATH="/opt/bin:$PATH"')).toEqual([]);
  });

  it('SC2006 backticks, SC2002 useless cat', () => {
    expect(codes('echo "built `date`"')).toEqual(['SC2006']);
    expect(codes('cat requirements.txt | xargs pip install')).toEqual(['SC2002']);
    expect(codes('cat a b | sort && cat -n f | head && echo "$(date)"')).toEqual([]);
  });

  it('SC3020, SC3011, SC3001, SC3014: bash-only redirections and tests under /bin/sh only', () => {
    const body = 'make &> build.log; wc <<< "$A"; diff <(ls a) b; [ "$A" == b ]';
    expect(codes(body)).toEqual(['SC3020', 'SC3011', 'SC3001', 'SC3014']);
    expect(codes(body, true)).toEqual([]);
    expect(codes('make > build.log 2>&1; [ "$A" = b ] && test "$B" != c')).toEqual([]);
  });
});
