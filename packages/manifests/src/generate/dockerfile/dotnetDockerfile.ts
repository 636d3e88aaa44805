import type { DetectedApp } from '../../detect/detectedApp.js';
import { dotnetImages } from './baseImages.js';
import { addUser, footer, header, wgetProbe } from './dockerfileParts.js';

/**
 * A multi-stage Dockerfile for a .NET service: `dotnet restore` of the project file in its own layer, `dotnet
 * publish -c Release` on the pinned SDK image of its target framework, and the pinned ASP.NET Core (or .NET)
 * Alpine runtime of the same version listening on the detected port (`ASPNETCORE_URLS`; HTTP/2 only for a gRPC
 * server), running as uid 10001 with a wget HEALTHCHECK (none for gRPC).
 * @see https://learn.microsoft.com/dotnet/core/docker/build-container
 */
export function dotnetDockerfile(app: DetectedApp): string {
  const images = dotnetImages(app.runtimeVersion, app.facts.web !== 'false');
  const csproj = app.facts.project ?? `${app.name}.csproj`;
  const env = [
    `ASPNETCORE_URLS=http://+:${app.port}`,
    'DOTNET_NOLOGO=1',
    ...(app.protocol === 'grpc' ? ['Kestrel__EndpointDefaults__Protocols=Http2'] : []),
  ];
  const lines = [
    header(app),
    '',
    `FROM ${images.sdk} AS build`,
    'WORKDIR /src',
    `COPY ${csproj} ./`,
    `RUN dotnet restore ${csproj}`,
    'COPY . .',
    `RUN dotnet publish ${csproj} -c Release -o /out --no-restore -p:UseAppHost=false`,
    '',
    `FROM ${images.runtime} AS runtime`,
    'WORKDIR /app',
    `ENV ${env.join(' ')}`,
    addUser('alpine'),
    'COPY --from=build /out ./',
    footer(app, wgetProbe(app)),
  ];
  return `${lines.join('\n')}\n`;
}
