/** @opspilot/helm — the ChartRenderer port over the real helm binary (`helm lint`, `helm template`). */

export { dependenciesOf, ensureDependencies, vendoredCharts } from './chartDependencies.js';
export { createHelmChartRenderer, type HelmChartRendererOptions, helmValueArgs } from './createHelmChartRenderer.js';
export { createHelmReleaser, type HelmReleaseRequest, type HelmReleaserOptions } from './createHelmReleaser.js';
export { createKustomizeRenderer, type KustomizeRendererOptions, locateKubectl } from './createKustomizeRenderer.js';
export { locateHelm } from './locateHelm.js';
export { parseLint } from './parseLint.js';
export { splitRendered } from './splitRendered.js';
