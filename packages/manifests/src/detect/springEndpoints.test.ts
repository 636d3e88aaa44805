import { describe, expect, it } from 'vitest';
import { projectFilesOf } from './projectFiles.js';
import { readSpringConfig } from './springConfig.js';
import { springEndpoints } from './springEndpoints.js';

const RES = 'src/main/resources';
const endpoints = (files: Record<string, string>, actuator = true) =>
  springEndpoints(
    readSpringConfig(
      projectFilesOf(Object.entries(files).map(([path, content]) => ({ path: `svc/${RES}/${path}`, content }))),
      'svc',
    ),
    actuator,
  );

describe('springEndpoints', () => {
  it('defaults to 8080 and /actuator/health', () => {
    expect(endpoints({})).toEqual({ port: 8080, healthPath: '/actuator/health', notes: [] });
  });

  it('reads server.port and management.server.port from properties, placeholders giving their default', () => {
    const found = endpoints({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Spring placeholder, not a template
      'application.properties': 'server.port=${SERVER_PORT:8443}\nmanagement.server.port = 9090\n',
    });
    expect(found).toMatchObject({ port: 8443, managementPort: 9090, healthPath: '/actuator/health' });
    expect(found.notes.join()).toContain('management.server.port 9090');
  });

  it('reads nested YAML, relaxed names and the base path; the context path only applies on the main port', () => {
    expect(
      endpoints({
        'application.yaml':
          'server:\n  port: 8081\n  servlet:\n    context-path: /api\nmanagement:\n  endpoints:\n    web:\n      base-path: /manage\n',
      }),
    ).toMatchObject({ port: 8081, healthPath: '/api/manage/health' });
    expect(
      endpoints({
        'application.yml':
          'server:\n  port: 8081\n  servlet:\n    contextPath: /api\nmanagement:\n  server:\n    port: 8558\n    base-path: /ops\n',
      }),
    ).toMatchObject({ port: 8081, managementPort: 8558, healthPath: '/ops/actuator/health' });
  });

  it('applies the active profile (file and YAML document) and reports what inactive profiles would change', () => {
    const found = endpoints({
      'application.yml':
        'spring:\n  profiles:\n    active: k8s\nserver:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: k8s\nmanagement:\n  server:\n    port: 8081\n',
      'application-dev.properties': 'server.port=9999\n',
    });
    expect(found).toMatchObject({ port: 8080, managementPort: 8081 });
    expect(found.notes[0]).toContain('application-dev.properties sets server.port=9999 for profile "dev"');
  });

  it('probes TCP, and says why, without the actuator, with the actuator off or health not exposed', () => {
    const none = endpoints({ 'application.properties': 'server.port=8090' }, false);
    expect(none).toEqual({ port: 8090, notes: [expect.stringContaining('no spring-boot-starter-actuator')] });
    expect(endpoints({ 'application.properties': 'management.server.port=-1' }).healthPath).toBeUndefined();
    const excluded = endpoints({ 'application.properties': 'management.endpoints.web.exposure.exclude=health' });
    expect(excluded.healthPath).toBeUndefined();
    expect(excluded.notes.join()).toContain('not exposed');
  });

  it('maps a renamed health endpoint and ignores a management port equal to the server port', () => {
    expect(
      endpoints({
        'application.properties':
          'server.port=8080\nmanagement.server.port=8080\nmanagement.endpoints.web.path-mapping.health=healthcheck\n',
      }),
    ).toEqual({ port: 8080, healthPath: '/actuator/healthcheck', notes: [] });
  });
});
