import type { DetectedApp } from '../../detect/detectedApp.js';
import { BASE_IMAGES, pick } from './baseImages.js';
import { addUser, footer, header, healthUrl } from './dockerfileParts.js';

function serverPackage(app: DetectedApp): string {
  if (app.facts.server === 'gunicorn-missing') return ' gunicorn==23.0.0';
  return '';
}

/**
 * A multi-stage Dockerfile for a Python web app (FastAPI, Flask, Django): a build stage installs the dependencies
 * into a virtual environment, the runtime stage on the same pinned slim image copies only that environment and the
 * code, runs as uid 10001 without writing byte code, and checks health with the standard library.
 */
export function pythonDockerfile(app: DetectedApp): string {
  const image = pick(BASE_IMAGES.python, app.runtimeVersion, '3.12');
  const install =
    app.packageManager === 'pip'
      ? ['COPY requirements.txt ./', `RUN pip install --no-cache-dir -r requirements.txt${serverPackage(app)}`]
      : ['COPY . .', `RUN pip install --no-cache-dir .${serverPackage(app)}`];
  const lines = [
    header(app),
    '',
    `FROM ${image} AS build`,
    'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1',
    'WORKDIR /app',
    'RUN python -m venv /opt/venv',
    'ENV PATH="/opt/venv/bin:$PATH"',
    ...install,
    '',
    `FROM ${image} AS runtime`,
    'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/opt/venv/bin:$PATH"',
    'WORKDIR /app',
    addUser('debian'),
    'COPY --from=build /opt/venv /opt/venv',
    'COPY . .',
    footer(app, ['python', '-c', `import urllib.request; urllib.request.urlopen('${healthUrl(app)}', timeout=2)`]),
  ];
  return `${lines.join('\n')}\n`;
}
