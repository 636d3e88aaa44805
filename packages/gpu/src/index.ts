/**
 * @opspilot/gpu — the GPU fleet of seed 003 §4: GPUNode, GPU and GPUProcess built from a cluster's nodes and pods
 * plus DCGM exporter series, and the `nvidia-smi -q -x` parser for agent-mode collection. A pure engine: it is given
 * objects and samples, and does no I/O of its own.
 */

export { buildGpuNodes, type GpuNodeInputs, type GpuNodeView, isGpuNode } from './fleet/buildGpuNodes.js';
export { DCGM_FIELDS, type DcgmField, type DcgmSample, type DcgmSamples, dcgmSamplesOf } from './fleet/dcgmFields.js';
export { mergeNvidiaSmi } from './fleet/mergeNvidiaSmi.js';
export { type NvidiaSmiReport, parseNvidiaSmiXml, readingOf } from './nvidia-smi/parseNvidiaSmiXml.js';
