import { describe, expect, it } from 'vitest';
import { readFixture } from './__fixtures__/readFixture.js';
import { STACK_PROJECTS } from './__fixtures__/stackProjects.js';
import { detectProject } from './detectProject.js';
import type { ProjectFile } from './projectFiles.js';

function detect(files: ProjectFile[], name?: string) {
  const result = detectProject(files, { name });
  if (!result.ok) throw result.error;
  return result.value;
}

describe('detectProject', () => {
  it('finds the two apps of the seeds Todo app with port, start command, health path and environment', () => {
    const project = detect(readFixture(), 'todo');
    expect(project).toMatchObject({ name: 'todo', monorepo: true });
    const [backend, frontend] = project.apps;
    expect(backend).toMatchObject({
      name: 'backend',
      path: 'backend',
      stack: 'python',
      framework: 'fastapi',
      runtimeVersion: '3.12',
      port: 8000,
      healthPath: '/health',
      startCommand: ['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '8000', '--proxy-headers'],
      env: ['CORS_ORIGINS', 'DATABASE_URL', 'JWT_SECRET_KEY', 'LOG_LEVEL', 'OPENAI_API_KEY'],
    });
    expect(frontend).toMatchObject({
      name: 'frontend',
      stack: 'node',
      framework: 'nextjs',
      port: 3000,
      healthPath: '/api/health',
      startCommand: ['node', 'server.js'],
      env: ['NEXT_PUBLIC_API_URL'],
      facts: { standalone: 'true', hasPublic: 'true' },
    });
  });

  it.each([
    [
      'express',
      {
        name: 'orders-api',
        framework: 'express',
        port: 4000,
        healthPath: '/healthz',
        runtimeVersion: '22',
        startCommand: ['node', 'src/server.js'],
        env: ['DATABASE_URL'],
      },
    ],
    [
      'flask',
      {
        framework: 'flask',
        port: 8000,
        healthPath: '/healthz',
        startCommand: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', 'app:app'],
        env: ['SECRET_KEY'],
      },
    ],
    [
      'django',
      {
        framework: 'django',
        port: 8000,
        startCommand: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', 'shop.wsgi:application'],
        env: ['DEBUG'],
      },
    ],
    [
      'go',
      {
        name: 'inventory',
        framework: 'go',
        port: 9090,
        healthPath: '/healthz',
        runtimeVersion: '1.22',
        facts: { mainPackage: './cmd/inventory' },
        env: ['REDIS_URL'],
      },
    ],
    [
      'maven',
      {
        name: 'billing',
        framework: 'spring-boot',
        packageManager: 'maven',
        port: 8081,
        healthPath: '/actuator/health',
        runtimeVersion: '17',
        version: '1.2.0',
        env: ['STRIPE_API_KEY'],
      },
    ],
    [
      'gradle',
      {
        name: 'catalog',
        framework: 'spring-boot',
        packageManager: 'gradle',
        port: 8080,
        runtimeVersion: '21',
        version: '0.4.0',
      },
    ],
    ['static', { framework: 'static', port: 8080, healthPath: '/' }],
  ])('detects a single %s app at the root', (stack, expected) => {
    const project = detect(STACK_PROJECTS[stack]!, stack);
    expect(project.monorepo).toBe(false);
    expect(project.apps).toHaveLength(1);
    expect(project.apps[0]).toMatchObject({ path: '', ...expected });
  });

  it('finds every app of a monorepo and skips the workspace root, dependencies and nested public folders', () => {
    const under = (dir: string, files: ProjectFile[]) => files.map((f) => ({ ...f, path: `${dir}/${f.path}` }));
    const project = detect([
      { path: 'package.json', content: JSON.stringify({ name: 'shop', private: true, workspaces: ['services/*'] }) },
      ...under('services/api', STACK_PROJECTS.express!),
      ...under('services/worker', STACK_PROJECTS.go!),
      ...under('docs', STACK_PROJECTS.static!),
      { path: 'services/api/public/index.html', content: '<html></html>' },
      { path: 'node_modules/left-pad/package.json', content: '{"name":"left-pad","main":"index.js"}' },
    ]);
    expect(project.name).toBe('shop');
    expect(project.apps.map((a) => [a.path, a.framework])).toEqual([
      ['docs', 'static'],
      ['services/api', 'express'],
      ['services/worker', 'go'],
    ]);
  });

  it('gives two apps with the same name distinct names', () => {
    const twice = ['a', 'b'].flatMap((dir) => STACK_PROJECTS.go!.map((f) => ({ ...f, path: `${dir}/${f.path}` })));
    expect(detect(twice).apps.map((a) => a.name)).toEqual(['inventory', 'inventory-b']);
  });

  it('refuses a folder with nothing deployable, with a hint', () => {
    const result = detectProject([
      { path: 'notes.txt', content: 'hello' },
      { path: 'package.json', content: '{"name":"lib"}' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.hint).toContain('--from');
  });
});
