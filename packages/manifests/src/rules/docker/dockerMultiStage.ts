import { dockerRule, runCommands } from '../dockerRule.js';

const BUILD =
  /^(npm (ci|install|run build)|yarn( install| build)?|pnpm (install|build)|go build|cargo build|mvn|gradle|make|gcc|g\+\+|dotnet (build|publish)|tsc)\b/;

/**
 * A single-stage image that also builds ships its compilers, dev dependencies and sources. Build in one stage,
 * copy the result into a small runtime stage.
 * @see https://docs.docker.com/build/building/multi-stage/
 */
export const dockerMultiStage = dockerRule({
  id: 'docker-multi-stage',
  category: 'efficiency',
  severity: 'INFO',
  description: 'Images that compile or install build dependencies should use a multi-stage build',
  fix: 'build in a "build" stage and COPY --from=build only the artefacts into a minimal final stage',
  check: (doc) => {
    if (doc.stages.length !== 1) return [];
    const build = runCommands(doc).find(({ commands }) => commands.some((c) => BUILD.test(c.join(' '))));
    return build ? [{ message: 'the single stage both builds and runs the application', at: build.ins }] : [];
  },
});
