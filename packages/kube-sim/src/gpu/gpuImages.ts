/** What a GPU image's default process does with its GPUs (the image catalogue's `gpu` profile). */
export interface GpuProfile {
  utilizationPercent: number;
  memoryFraction: number;
  wave?: boolean;
}

const gpuServer = (
  logs: string[],
  extra: { gpu: GpuProfile; ports?: number[]; serves?: string[]; memoryMi?: number },
) => ({
  tags: ['latest', '1.0'],
  binaries: [] as string[],
  binariesKnown: false,
  command: [] as string[],
  ports: [] as number[],
  startupMs: 3000,
  cpuMillicores: 400,
  memoryMi: 2048,
  serves: [] as string[],
  logs,
  ...extra,
});

/**
 * GPU workloads of the simulated cluster: a training job that keeps its GPUs busy, and an inference server whose
 * load follows a daily-like wave. What they do on their GPUs is their `gpu` profile.
 */
export const GPU_IMAGES = {
  'opspilot/gpu-train': gpuServer(
    [
      'loading dataset shards 0-63',
      'epoch 1 step 100 loss=2.341 throughput=1840 samples/s',
      'epoch 1 step 200 loss=1.987 throughput=1852 samples/s',
      'checkpoint saved to /checkpoints/step-200',
    ],
    { gpu: { utilizationPercent: 96, memoryFraction: 0.88 } },
  ),
  'opspilot/gpu-infer': gpuServer(['model loaded in 41.2s', 'serving on :8000', 'POST /v1/completions 200 182ms'], {
    ports: [8000],
    serves: ['/health', '/v1/completions', '/metrics'],
    memoryMi: 3072,
    gpu: { utilizationPercent: 45, memoryFraction: 0.52, wave: true },
  }),
} satisfies Record<string, ReturnType<typeof gpuServer>>;
