import { readFileSync } from 'node:fs';
import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiXml, readingOf } from './parseNvidiaSmiXml.js';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseNvidiaSmiXml', () => {
  it('reads a driver 535 report of two A100s, one busy with a process and one idle', () => {
    const report = parseNvidiaSmiXml(fixture('nvidia-smi-a100.xml'));
    expect(report.driver_version).toBe('535.104.12');
    expect(report.cuda_version).toBe('12.2');
    expect(report.timestamp).toBe('Tue Nov 18 14:03:27 2025');
    expect(report.gpus).toHaveLength(2);
    const [busy, idle] = report.gpus;
    expect(busy).toEqual({
      index: 0,
      uuid: 'GPU-4f1c2a9e-8b3d-4c7a-9e21-5d6f7a8b9c0d',
      name: 'NVIDIA A100-SXM4-80GB',
      driver_version: '535.104.12',
      cuda_version: '12.2',
      memory_total_mb: 81920,
      memory_used_mb: 72168,
      memory_free_mb: 9221,
      utilization_gpu_percent: 97,
      utilization_memory_percent: 41,
      temperature_celsius: 67,
      power_draw_watts: 351.24,
      power_limit_watts: 400,
      processes: [{ pid: 48213, process_name: '/usr/bin/python3', used_memory_mb: 72144, type: 'COMPUTE' }],
      pci_bus_id: '00000000:07:00.0',
    });
    // A fan reported N/A (passively cooled SXM boards) is left out rather than made 0.
    expect(busy).not.toHaveProperty('fan_speed_percent');
    expect(idle).toMatchObject({ index: 1, utilization_gpu_percent: 0, memory_used_mb: 4, processes: [] });
  });

  it('reads the older power_readings layout, fan speed and graphics processes', () => {
    const report = parseNvidiaSmiXml(fixture('nvidia-smi-t4-legacy.xml'));
    const [t4] = report.gpus;
    expect(t4).toMatchObject({
      name: 'Tesla T4',
      memory_total_mb: 15109,
      memory_free_mb: 11292,
      power_draw_watts: 36.71,
      power_limit_watts: 70,
      fan_speed_percent: 34,
      temperature_celsius: 52,
    });
    expect(t4!.processes.map((p) => [p.pid, p.type])).toEqual([
      [2114, 'GRAPHICS'],
      [9931, 'MIXED'],
    ]);
  });

  it('refuses malformed XML with its position, another document, and a GPU without a UUID', () => {
    const broken = fixture('nvidia-smi-a100.xml').replace('</fb_memory_usage>', '');
    expect(() => parseNvidiaSmiXml(broken)).toThrow(/not well-formed XML: .*line \d+/);
    expect(() => parseNvidiaSmiXml('<html><body/></html>')).toThrow(InputError);
    const noUuid = fixture('nvidia-smi-t4-legacy.xml').replace(/<uuid>.*<\/uuid>/, '<uuid>N/A</uuid>');
    expect(() => parseNvidiaSmiXml(noUuid)).toThrow(/gpu\.0\.uuid: must be a GPU UUID/);
  });

  it('reads numbers out of readings and nothing out of N/A', () => {
    expect(readingOf('81920 MiB')).toBe(81920);
    expect(readingOf('351.24 W')).toBe(351.24);
    expect(readingOf('N/A')).toBeUndefined();
    expect(readingOf('[Not Supported]')).toBeUndefined();
  });
});
