/**
 * hadolint's documented verdicts (https://github.com/hadolint/hadolint#rules and each rule's wiki page) for every
 * DL rule opspilot claims to cover, written here as Dockerfiles (never copied): for each rule the shapes its page
 * calls wrong and the corrected ones. Used by anchorComparison.test.ts.
 */

/** One hadolint case: the DL rule, the opspilot rule covering it, hadolint's verdict and the Dockerfile. */
export interface HadolintCase {
  check: string;
  rule: string;
  verdict: 'fail' | 'pass';
  dockerfile: string;
}

/** A clean tail every case ends with, so only the rule under test can fire on it. */
const TAIL = 'USER 10001\nHEALTHCHECK CMD ["/app/health"]\nCMD ["/app/server"]\n';
const base = 'FROM debian:12.5-slim\n';

const cases: [string, string, string[], string[]][] = [
  ['DL3000', 'docker-workdir-absolute', ['WORKDIR app\n'], ['WORKDIR /app\n']],
  [
    'DL3001',
    'docker-run-interactive-command',
    ['RUN service nginx start\n', 'RUN ps aux && top -b -n1\n'],
    ['RUN mkdir -p /app\n'],
  ],
  ['DL3002', 'docker-user-not-root', ['USER 10001\nUSER root\n'], ['USER root\nRUN mkdir -p /data\nUSER 10001\n']],
  ['DL3003', 'docker-no-cd', ['RUN cd /tmp && make install\n'], ['WORKDIR /tmp\nRUN make install\n']],
  ['DL3004', 'docker-no-sudo', ['RUN sudo mkdir /app\n'], ['RUN mkdir /app\n']],
  ['DL3007', 'docker-from-pinned-tag', ['FROM debian:latest AS x\n'], ['FROM debian:12.5 AS x\n']],
  [
    'DL3008',
    'docker-apt-pin-versions',
    ['RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    [
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n',
    ],
  ],
  [
    'DL3009',
    'docker-apt-lists-cleanup',
    ['RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\n'],
    [
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n',
    ],
  ],
  ['DL3011', 'docker-expose-valid-port', ['EXPOSE 80000\n'], ['EXPOSE 8080\n']],
  ['DL3012', 'docker-one-healthcheck', ['HEALTHCHECK CMD ["/a"]\nHEALTHCHECK CMD ["/b"]\n'], ['RUN mkdir -p /app\n']],
  [
    'DL3013',
    'docker-pip-pin-versions',
    ['RUN pip install --no-cache-dir flask\n'],
    ['RUN pip install --no-cache-dir flask==3.0.2\n', 'RUN pip install --no-cache-dir -r requirements.txt\n'],
  ],
  [
    'DL3014',
    'docker-apt-get-yes',
    ['RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n'],
    [
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n',
    ],
  ],
  [
    'DL3015',
    'docker-apt-no-install-recommends',
    ['RUN apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n'],
    [
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n',
    ],
  ],
  [
    'DL3016',
    'docker-npm-pin-versions',
    ['RUN npm install -g typescript\n'],
    ['RUN npm install -g typescript@5.9.2\n', 'RUN npm ci\n'],
  ],
  ['DL3018', 'docker-apk-pin-versions', ['RUN apk add --no-cache curl\n'], ['RUN apk add --no-cache curl=8.5.0-r0\n']],
  [
    'DL3019',
    'docker-apk-no-cache',
    ['RUN apk update && apk add curl=8.5.0-r0\n'],
    ['RUN apk add --no-cache curl=8.5.0-r0\n'],
  ],
  ['DL3020', 'docker-copy-not-add', ['ADD app.jar /app/\n'], ['COPY app.jar /app/\n', 'ADD app.tar.gz /app/\n']],
  ['DL3021', 'docker-copy-dest-slash', ['COPY a.txt b.txt /app\n'], ['COPY a.txt b.txt /app/\n']],
  [
    'DL3022',
    'docker-copy-from-stage',
    ['COPY --from=builder /out /app/\n'],
    ['COPY --from=alpine:3.20 /etc/ssl /etc/ssl/\n'],
  ],
  [
    'DL3023',
    'docker-copy-from-self',
    ['FROM debian:12.5 AS final\nCOPY --from=final /a /b\n'],
    ['FROM debian:12.5 AS final\nCOPY --from=0 /a /b\n'],
  ],
  [
    'DL3024',
    'docker-stage-name-unique',
    ['FROM debian:12.5 AS a\nFROM debian:12.5 AS a\n'],
    ['FROM debian:12.5 AS a\nFROM debian:12.5 AS b\n'],
  ],
  ['DL3025', 'docker-json-cmd', ['CMD /app/server --port 8080\n'], ['CMD ["/app/server", "--port", "8080"]\n']],
  ['DL3027', 'docker-apt-get-not-apt', ['RUN apt install -y curl\n'], ['RUN mkdir /x\n']],
  [
    'DL3028',
    'docker-other-pin-versions',
    ['RUN gem install bundler\n'],
    ['RUN gem install bundler:2.5.6\n', 'RUN gem install bundler -v 2.5.6\n'],
  ],
  [
    'DL3029',
    'docker-from-platform',
    ['FROM --platform=linux/amd64 debian:12.5\n'],
    ['FROM --platform=$BUILDPLATFORM debian:12.5\n'],
  ],
  [
    'DL3030',
    'docker-install-non-interactive',
    ['RUN yum install httpd-2.4.6 && yum clean all\n'],
    ['RUN yum install -y httpd-2.4.6 && yum clean all\n'],
  ],
  [
    'DL3032',
    'docker-yum-clean',
    ['RUN yum install -y httpd-2.4.6\n'],
    ['RUN yum install -y httpd-2.4.6 && yum clean all\n'],
  ],
  [
    'DL3033',
    'docker-other-pin-versions',
    ['RUN yum install -y httpd && yum clean all\n'],
    ['RUN yum install -y httpd-2.4.6 && yum clean all\n'],
  ],
  [
    'DL3034',
    'docker-install-non-interactive',
    ['RUN zypper install httpd=2.4.46 && zypper clean\n'],
    ['RUN zypper install -y httpd=2.4.46 && zypper clean\n'],
  ],
  [
    'DL3035',
    'docker-no-dist-upgrade',
    ['RUN zypper dist-upgrade -y\n'],
    ['RUN zypper install -y httpd=2.4.46 && zypper clean\n'],
  ],
  [
    'DL3036',
    'docker-cache-clean',
    ['RUN zypper install -y httpd=2.4.46\n'],
    ['RUN zypper install -y httpd=2.4.46 && zypper clean\n'],
  ],
  [
    'DL3037',
    'docker-other-pin-versions',
    ['RUN zypper install -y httpd && zypper clean\n'],
    ['RUN zypper install -y httpd=2.4.46 && zypper clean\n'],
  ],
  [
    'DL3038',
    'docker-install-non-interactive',
    ['RUN dnf install httpd-2.4.46 && dnf clean all\n'],
    ['RUN dnf install -y httpd-2.4.46 && dnf clean all\n'],
  ],
  [
    'DL3040',
    'docker-yum-clean',
    ['RUN dnf install -y httpd-2.4.46\n'],
    ['RUN dnf install -y httpd-2.4.46 && dnf clean all\n'],
  ],
  [
    'DL3041',
    'docker-other-pin-versions',
    ['RUN dnf install -y httpd && dnf clean all\n'],
    ['RUN dnf install -y httpd-2.4.46 && dnf clean all\n'],
  ],
  [
    'DL3042',
    'docker-pip-no-cache-dir',
    ['RUN pip install flask==3.0.2\n'],
    ['RUN pip install --no-cache-dir flask==3.0.2\n'],
  ],
  ['DL3043', 'docker-onbuild-forbidden', ['ONBUILD FROM debian:12.5\n'], ['ONBUILD RUN mkdir /x\n']],
  ['DL3044', 'docker-env-self-reference', ['ENV A=/opt B=$A/bin\n'], ['ENV A=/opt\nENV B=$A/bin\n']],
  [
    'DL3045',
    'docker-copy-relative-dest',
    ['COPY app.jar app.jar\n'],
    ['WORKDIR /app\nCOPY app.jar app.jar\n', 'COPY app.jar /app/app.jar\n'],
  ],
  [
    'DL3046',
    'docker-useradd-long-uid',
    ['RUN useradd -u 123456 app\n'],
    ['RUN useradd -l -u 123456 app\n', 'RUN useradd -u 10001 app\n'],
  ],
  [
    'DL3047',
    'docker-wget-progress',
    ['RUN wget https://example.com/a.tgz\n'],
    ['RUN wget --progress=dot:giga https://example.com/a.tgz\n'],
  ],
  [
    'DL3048',
    'docker-label-key',
    ['LABEL My_Label=x\n'],
    ['LABEL org.opencontainers.image.source=https://example.com\n'],
  ],
  ['DL3059', 'docker-consecutive-run', ['RUN mkdir /a\nRUN mkdir /b\n'], ['RUN mkdir /a && mkdir /b\n']],
  ['DL3060', 'docker-cache-clean', ['RUN yarn install\n'], ['RUN yarn install && yarn cache clean\n']],
  [
    'DL4000',
    'docker-maintainer-deprecated',
    ['MAINTAINER dev@example.com\n'],
    ['LABEL org.opencontainers.image.authors=dev@example.com\n'],
  ],
  [
    'DL4001',
    'docker-wget-and-curl',
    ['RUN wget -q https://a.example.com/x\nRUN curl -fsSL https://b.example.com/y -o /y\n'],
    ['RUN curl -fsSL https://b.example.com/y -o /y\n'],
  ],
  ['DL4003', 'docker-one-cmd', ['CMD ["/a"]\n'], []],
  ['DL4005', 'docker-shell-instead-of-link', ['RUN ln -sf /bin/bash /bin/sh\n'], ['SHELL ["/bin/bash", "-c"]\n']],
  [
    'DL4006',
    'docker-shell-pipefail',
    ['RUN curl -fsSL https://example.com/x | tar -xz\n'],
    ['SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz\n'],
  ],
  // The ShellCheck checks hadolint runs on RUN (its wiki pages' problematic and corrected code, as Dockerfiles).
  ['SC2086', 'docker-shellcheck', ['RUN cp $SRC /app/\n'], ['RUN cp "$SRC" /app/\n']],
  ['SC2046', 'docker-shellcheck', ['RUN chown $(id -u) /app\n'], ['RUN chown "$(id -u)" /app\n']],
  ['SC2006', 'docker-shellcheck', ['RUN echo "built `date`" > /built\n'], ['RUN echo "built $(date)" > /built\n']],
  ['SC2164', 'docker-shellcheck', ['RUN cd /src; make\n'], ['RUN cd /src || exit 1; make\n']],
  [
    'SC2155',
    'docker-shellcheck',
    ['RUN export V=$(cat /etc/debian_version) && echo "$V"\n'],
    ['RUN V="$(cat /etc/debian_version)" && export V && echo "$V"\n'],
  ],
  ['SC2002', 'docker-shellcheck', ['RUN cat /etc/hosts | grep -c local\n'], ['RUN grep -c local /etc/hosts\n']],
  ['SC3010', 'docker-shellcheck', ['RUN [[ -d /app ]] || mkdir /app\n'], ['RUN [ -d /app ] || mkdir /app\n']],
  ['SC3020', 'docker-shellcheck', ['RUN make &> /build.log\n'], ['RUN make > /build.log 2>&1\n']],
  ['SC3014', 'docker-shellcheck', ['RUN [ "$A" == b ] || exit 1\n'], ['RUN [ "$A" = b ] || exit 1\n']],
];

/** Every case: the body placed after FROM (a body starting with FROM replaces it), followed by {@link TAIL}. */
export const HADOLINT_CASES: HadolintCase[] = cases.flatMap(([check, rule, fails, passes]) => [
  ...fails.map((body) => ({ check, rule, verdict: 'fail' as const, dockerfile: build(body) })),
  ...passes.map((body) => ({ check, rule, verdict: 'pass' as const, dockerfile: build(body) })),
]);

function build(body: string): string {
  const head = body.startsWith('FROM') ? '' : base;
  // DL3002 needs the USER it sets to be the last one, DL4003 a second CMD.
  const tail = /USER root\n$/.test(body) ? TAIL.replace('USER 10001\n', '') : TAIL;
  return `${head}${body}${tail}`;
}
