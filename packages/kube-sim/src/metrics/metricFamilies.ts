import { Counter, Gauge, type Registry } from 'prom-client';

/** Label values of one series. */
export type Labels = Record<string, string | number>;

/** Sets one series of a family built for a single scrape. */
export type SeriesSetter = (labels: Labels, value: number) => void;

/**
 * A gauge family registered in `registry` for one scrape; every series is set once.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/
 */
export function gaugeFamily(registry: Registry, name: string, help: string, labelNames: string[]): SeriesSetter {
  const gauge = new Gauge({ name, help, labelNames, registers: [registry] });
  return (labels, value) => gauge.set(labels, value);
}

/**
 * A counter family registered in `registry` for one scrape: the value given is the total since the series began.
 * @see https://prometheus.io/docs/concepts/metric_types/#counter
 */
export function counterFamily(registry: Registry, name: string, help: string, labelNames: string[]): SeriesSetter {
  const counter = new Counter({ name, help, labelNames, registers: [registry] });
  return (labels, value) => counter.inc(labels, value);
}
