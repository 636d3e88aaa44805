import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { GenerateResult } from './GenerateResult.js';
import { type ProjectFolder, projectNameOf, readProjectFolder } from './readProjectFolder.js';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

const TARGETS = [
  { value: 'helm-chart', label: 'Helm chart' },
  { value: 'k8s', label: 'Kubernetes manifests' },
  { value: 'dockerfile', label: 'Dockerfiles' },
] as const;

/**
 * Generation from a project folder (`manifests.projectServices`, `manifests.generateProject`): choose a folder, see
 * its services (every service of a monorepo, each with its folder, framework, port and own Dockerfile), tick the ones
 * to generate for when there are several, and get Dockerfiles, manifests or one Helm chart with every finding at its
 * line — the services' own Dockerfiles validated beside them — as `opspilot generate … --from DIR --service NAME`.
 */
export function GeneratePage() {
  const trpc = useTRPC();
  const ids = { folder: useId(), name: useId(), target: useId() };
  const [folder, setFolder] = useState<ProjectFolder | undefined>();
  const [name, setName] = useState('');
  const [target, setTarget] = useState<(typeof TARGETS)[number]['value']>('helm-chart');
  const [chosen, setChosen] = useState<string[]>([]);
  const services = useMutation(
    trpc.manifests.projectServices.mutationOptions({ onSuccess: (p) => setChosen(p.apps.map((a) => a.name)) }),
  );
  const generate = useMutation(trpc.manifests.generateProject.mutationOptions());
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const read = await readProjectFolder(Array.from(event.target.files ?? []));
    if (read.files.length === 0) return;
    const proposed = projectNameOf(read.name);
    setFolder(read);
    setName(proposed);
    generate.reset();
    services.mutate({ files: read.files, name: proposed });
  };
  const project = services.data;
  const several = (project?.apps.length ?? 0) > 1;
  const toggle = (service: string, on: boolean) =>
    setChosen((now) => (on ? [...now, service] : now.filter((s) => s !== service)));
  return (
    <>
      <PageHeading title="Generate">
        Choose a project folder: its services are detected (every service of a monorepo), and Dockerfiles, Kubernetes
        manifests or a Helm chart are generated for the ones you choose, validated with the services' own Dockerfiles.
      </PageHeading>
      <div className="space-y-6">
        <Panel title="Project">
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (!folder) return;
              generate.mutate({ files: folder.files, target, name: name || undefined, services: chosen });
            }}
          >
            <label htmlFor={ids.folder} className="block text-sm font-medium">
              Project folder
              <input
                id={ids.folder}
                type="file"
                multiple
                // @ts-expect-error webkitdirectory is not in React's types; every current browser supports it
                webkitdirectory=""
                onChange={(e) => void choose(e)}
                className="mt-1 block"
              />
            </label>
            {folder ? (
              <p className="text-sm" data-testid="folder-summary">
                {folder.files.length} files read from {folder.name}
                {folder.skipped > 0 ? ` (${folder.skipped} large or binary files left out)` : ''}
              </p>
            ) : null}
            <ErrorNotice error={services.error} />
            {project ? (
              <fieldset className="space-y-1" aria-label="Services">
                <legend className="text-sm font-medium">
                  {several ? `${project.apps.length} services found: choose which to generate for` : '1 service found'}
                </legend>
                {project.apps.map((app) => (
                  <label key={app.name} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      aria-label={app.name}
                      checked={chosen.includes(app.name)}
                      disabled={!several}
                      onChange={(e) => toggle(app.name, e.target.checked)}
                      className="mt-1"
                    />
                    <span>
                      <strong>{app.name}</strong> <span className="font-mono text-xs">{app.path || '.'}</span> —{' '}
                      {app.framework} ({app.stack}
                      {app.runtime_version ? ` ${app.runtime_version}` : ''}), port {app.port}, {app.probe} probe
                      {app.dockerfile ? <Badge tone="neutral">own {app.dockerfile}</Badge> : null}
                      {(app.notes ?? []).map((n) => (
                        <span key={n} className="block text-xs text-slate-600 dark:text-slate-400">
                          {n}
                        </span>
                      ))}
                    </span>
                  </label>
                ))}
                {(project.notes ?? []).map((n) => (
                  <p key={n} className="text-xs text-slate-600 dark:text-slate-400">
                    {n}
                  </p>
                ))}
              </fieldset>
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <label htmlFor={ids.target} className="block text-sm font-medium">
                Output
                <select
                  id={ids.target}
                  className={field}
                  value={target}
                  onChange={(e) => setTarget(e.target.value as typeof target)}
                >
                  {TARGETS.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </label>
              <label htmlFor={ids.name} className="block text-sm font-medium">
                Project name
                <input id={ids.name} className={field} value={name} onChange={(e) => setName(e.target.value)} />
              </label>
            </div>
            <Button type="submit" disabled={!project || chosen.length === 0 || generate.isPending}>
              {generate.isPending ? 'Generating…' : 'Generate'}
            </Button>
            <ErrorNotice error={generate.error} />
          </form>
        </Panel>
        {generate.data ? <GenerateResult result={generate.data} /> : null}
      </div>
    </>
  );
}
