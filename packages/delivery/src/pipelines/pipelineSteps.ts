import type { DetectedApp } from '@opspilot/manifests';

/** How a project's apps are tested in CI, per stack: the setup, the install and the test commands. */
export interface StackCommands {
  /** Container image a GitLab job runs in. */
  image: string;
  /** GitHub Actions setup step (`uses` and `with`), when the stack needs one. */
  setup?: { uses: string; with: Record<string, string> };
  install: string[];
  test: string[];
}

const NODE_INSTALL: Record<string, string> = {
  npm: 'npm ci',
  yarn: 'yarn install --frozen-lockfile',
  pnpm: 'corepack enable && pnpm install --frozen-lockfile',
};

/** The commands that install and test one app, from its detected stack and package manager. */
export function stackCommands(app: DetectedApp): StackCommands {
  const version = app.runtimeVersion;
  switch (app.stack) {
    case 'node':
      return {
        image: `node:${version}`,
        setup: { uses: 'actions/setup-node@v4', with: { 'node-version': version } },
        install: [NODE_INSTALL[app.packageManager] ?? 'npm ci'],
        test: [
          `${app.packageManager === 'npm' ? 'npm' : app.packageManager} test --if-present`.replace(
            'yarn test --if-present',
            'yarn test',
          ),
        ],
      };
    case 'python':
      return {
        image: `python:${version}-slim`,
        setup: { uses: 'actions/setup-python@v5', with: { 'python-version': version } },
        install: ['pip install -r requirements.txt pytest'],
        test: ['if ls test_*.py tests 1>/dev/null 2>&1; then python -m pytest; else python -m compileall -q .; fi'],
      };
    case 'go':
      return {
        image: `golang:${version}`,
        setup: { uses: 'actions/setup-go@v5', with: { 'go-version': version } },
        install: ['go mod download'],
        test: ['go vet ./...', 'go test ./...'],
      };
    case 'java': {
      const maven = app.packageManager === 'maven';
      return {
        image: maven ? `maven:3-eclipse-temurin-${version}` : `gradle:jdk${version}`,
        setup: { uses: 'actions/setup-java@v4', with: { distribution: 'temurin', 'java-version': version } },
        install: [],
        test: [maven ? 'mvn -B verify' : 'gradle test --no-daemon'],
      };
    }
    default:
      return { image: 'alpine:3.20', install: [], test: ['echo "a static site has no tests to run"'] };
  }
}
