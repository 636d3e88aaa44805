import type { DetectedApp } from '../../detect/detectedApp.js';
import { atLeast, BASE_IMAGES } from './baseImages.js';
import { addUser, footer, header, healthUrl } from './dockerfileParts.js';

/** The server a framework needs when the project does not list it (pinned). */
const SERVER_PACKAGES: Record<string, string> = {
  'gunicorn-missing': 'gunicorn==23.0.0',
  'uvicorn-missing': 'uvicorn==0.32.1',
};

/** Lines of the build stage that install the dependencies into /opt/venv, by package manager. */
function install(app: DetectedApp): string[] {
  const server = SERVER_PACKAGES[app.facts.server ?? ''];
  switch (app.packageManager) {
    case 'uv': {
      const frozen = app.facts.locked === 'true' ? ' --frozen' : '';
      return [
        `COPY --from=${BASE_IMAGES.uv} /uv /bin/uv`,
        'ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never',
        `COPY pyproject.toml ${app.facts.locked === 'true' ? 'uv.lock ' : ''}./`,
        `RUN uv sync${frozen} --no-dev --no-install-project`,
        'COPY . .',
        `RUN uv sync${frozen} --no-dev${server ? ` && uv pip install --python /opt/venv/bin/python ${server}` : ''}`,
      ];
    }
    case 'poetry':
      return [
        `RUN pip install --no-cache-dir poetry==${BASE_IMAGES.poetry} && python -m venv /opt/venv`,
        'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH" POETRY_VIRTUALENVS_CREATE=false',
        `COPY pyproject.toml ${app.facts.locked === 'true' ? 'poetry.lock ' : ''}./`,
        `RUN poetry install --only main --no-root --no-interaction${server ? ` && pip install --no-cache-dir ${server}` : ''}`,
      ];
    case 'pipenv':
      return [
        'RUN pip install --no-cache-dir pipenv==2024.4.0 && python -m venv /opt/venv',
        'ENV PATH="/opt/venv/bin:$PATH"',
        'COPY Pipfile Pipfile.lock* ./',
        `RUN pipenv requirements > /tmp/requirements.txt && pip install --no-cache-dir -r /tmp/requirements.txt${server ? ` ${server}` : ''}`,
      ];
    default:
      return [
        'RUN python -m venv /opt/venv',
        'ENV PATH="/opt/venv/bin:$PATH"',
        ...(app.facts.requirements === 'false'
          ? ['COPY . .', `RUN pip install --no-cache-dir .${server ? ` ${server}` : ''}`]
          : [
              'COPY requirements.txt ./',
              `RUN pip install --no-cache-dir -r requirements.txt${server ? ` ${server}` : ''}`,
            ]),
      ];
  }
}

/** The HEALTHCHECK: the health URL with the standard library, or none for a gRPC server. */
function probe(app: DetectedApp): string[] | undefined {
  if (app.protocol === 'grpc') return undefined;
  return ['python', '-c', `import urllib.request; urllib.request.urlopen('${healthUrl(app)}', timeout=2)`];
}

/**
 * A multi-stage Dockerfile for a Python service (FastAPI, Flask, Django, gRPC): a build stage installs the
 * dependencies into a virtual environment with the project's own tool (pip from requirements.txt, Poetry from
 * poetry.lock, uv from uv.lock, pipenv), the runtime stage on the same pinned slim image of the project's Python
 * version copies only that environment and the code, runs as uid 10001 without writing byte code, and checks
 * health with the standard library.
 */
export function pythonDockerfile(app: DetectedApp): string {
  const image = atLeast(BASE_IMAGES.python, app.runtimeVersion, (v) => `python:${v}-slim-bookworm`);
  const lines = [
    header(app),
    '',
    `FROM ${image} AS build`,
    'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1',
    'WORKDIR /app',
    ...install(app),
    '',
    `FROM ${image} AS runtime`,
    'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/opt/venv/bin:$PATH"',
    'WORKDIR /app',
    addUser('debian'),
    'COPY --from=build /opt/venv /opt/venv',
    'COPY . .',
    footer(app, probe(app)),
  ];
  return `${lines.join('\n')}\n`;
}
