"use client";

import type { ReactNode } from "react";
import { Tabs as TabsPrimitive } from "radix-ui";
import { cn } from "./cn";

/** Tabs (Radix: arrow keys between tabs, one tab stop); every panel is rendered, hidden ones too. */
export function Tabs({ label, tabs, defaultValue }: { label: string; tabs: { value: string; label: ReactNode; content: ReactNode }[]; defaultValue?: string }) {
  return (
    <TabsPrimitive.Root defaultValue={defaultValue ?? tabs[0]?.value} className="space-y-4">
      <TabsPrimitive.List aria-label={label} className="flex flex-wrap gap-1 border-b border-line">
        {tabs.map((tab) => (
          <TabsPrimitive.Trigger
            key={tab.value}
            value={tab.value}
            className={cn(
              "-mb-px min-h-11 border-b-2 border-transparent px-3 py-2 font-medium text-muted cursor-pointer",
              "hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg",
            )}
          >
            {tab.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {tabs.map((tab) => (
        <TabsPrimitive.Content key={tab.value} value={tab.value} forceMount className="space-y-4 data-[state=inactive]:hidden">
          {tab.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
