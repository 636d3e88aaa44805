import { Tabs } from 'radix-ui';

/** The plan's equivalent commands in Bash and PowerShell tabs (arrow keys move between tabs). */
export function CommandTabs({ bash, powershell }: { bash: string; powershell: string }) {
  const tab =
    'rounded-t-md px-3 py-1.5 text-sm font-medium data-[state=active]:bg-slate-900 data-[state=active]:text-white dark:data-[state=active]:bg-slate-100 dark:data-[state=active]:text-slate-900';
  const code = 'overflow-x-auto rounded-b-md rounded-tr-md bg-slate-900 p-3 font-mono text-sm text-slate-100';
  return (
    <Tabs.Root defaultValue="bash">
      <Tabs.List aria-label="Commands" className="flex gap-1">
        <Tabs.Trigger value="bash" className={tab}>
          Bash
        </Tabs.Trigger>
        <Tabs.Trigger value="powershell" className={tab}>
          PowerShell
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="bash">
        <pre className={code}>{bash}</pre>
      </Tabs.Content>
      <Tabs.Content value="powershell">
        <pre className={code}>{powershell}</pre>
      </Tabs.Content>
    </Tabs.Root>
  );
}
