import type { ApiOutputs } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';

/** One GPU node as `gpus.list` returns it. */
export type GpuNodeData = ApiOutputs['gpus']['list']['clusters'][number]['nodes'][number];

function Meter({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  return (
    <div className="text-xs">
      <div className="flex justify-between">
        <span>{label}</span>
        <span className="font-mono">{text}</span>
      </div>
      <meter
        aria-label={label}
        aria-valuetext={text}
        className="mt-0.5 h-2 w-full"
        min={0}
        max={max}
        low={max * 0.7}
        high={max * 0.9}
        optimum={0}
        value={value}
      >
        {text}
      </meter>
    </div>
  );
}

/**
 * A GPU node and one card per GPU: utilisation and memory as meters, temperature, power against its limit, the last
 * XID error when there was one, and the pod holding it. `onCharts` selects the node for the charts.
 */
export function GpuNodeCard({
  node,
  selected,
  onCharts,
}: {
  node: GpuNodeData;
  selected: boolean;
  onCharts: () => void;
}) {
  return (
    <section
      aria-label={`GPU node ${node.node_name}`}
      className={`rounded-lg border p-3 ${selected ? 'border-sky-600' : 'border-slate-200 dark:border-slate-800'}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{node.node_name}</h3>
        <span className="text-sm text-slate-600 dark:text-slate-300">{node.product ?? 'unknown GPU'}</span>
        <Badge tone="neutral">
          {node.gpu_requested}/{node.gpu_allocatable} GPUs requested
        </Badge>
        {node.metrics === 'NONE' ? <Badge tone="warn">no readings</Badge> : null}
        {node.xid_errors.length > 0 ? <Badge tone="bad">XID errors</Badge> : null}
        <button
          type="button"
          onClick={onCharts}
          aria-pressed={selected}
          className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-xs dark:border-slate-600"
        >
          Charts
        </button>
      </div>
      {node.metrics === 'NONE' ? (
        <p className="text-sm">
          No dcgm-exporter series name this node: install dcgm-exporter or point opspilot at the Prometheus that scrapes
          it.
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {node.gpus.map((g) => {
          const holder = node.holders.find((h) => h.index === g.index);
          const xid = node.xid_errors.find((x) => x.index === g.index);
          return (
            <li
              key={g.uuid}
              aria-label={`GPU ${g.index} of ${node.node_name}`}
              className="space-y-1.5 rounded-md border border-slate-200 p-2 dark:border-slate-800"
            >
              <div className="flex items-center justify-between text-sm">
                <span className="font-semibold">GPU {g.index}</span>
                {xid ? <Badge tone="bad">XID {xid.xid}</Badge> : null}
              </div>
              <p className="truncate text-xs text-slate-600 dark:text-slate-300" title={g.uuid}>
                {g.name}
              </p>
              <Meter
                label="Utilisation"
                value={g.utilization_gpu_percent}
                max={100}
                text={`${g.utilization_gpu_percent} %`}
              />
              <Meter
                label="Memory"
                value={g.memory_used_mb}
                max={g.memory_total_mb}
                text={`${(g.memory_used_mb / 1024).toFixed(1)} / ${(g.memory_total_mb / 1024).toFixed(0)} GiB`}
              />
              <dl className="grid grid-cols-2 gap-x-2 text-xs">
                <dt>Temperature</dt>
                <dd className="text-right font-mono">
                  {g.temperature_celsius === undefined ? '–' : `${g.temperature_celsius} °C`}
                </dd>
                <dt>Power</dt>
                <dd className="text-right font-mono">
                  {g.power_draw_watts === undefined
                    ? '–'
                    : `${Math.round(g.power_draw_watts)}${g.power_limit_watts ? ` / ${Math.round(g.power_limit_watts)}` : ''} W`}
                </dd>
                <dt>Pod</dt>
                <dd className="truncate text-right font-mono" title={holder ? `${holder.namespace}/${holder.pod}` : ''}>
                  {holder ? `${holder.namespace}/${holder.pod}` : 'idle'}
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
