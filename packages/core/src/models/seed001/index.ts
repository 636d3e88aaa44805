export * from '../kubeNames.js';
export * from './aiToolConfig.js';
export * from './deploymentTask.js';
export * from './dockerImage.js';
export * from './helmChart.js';
export * from './kubernetesResource.js';
