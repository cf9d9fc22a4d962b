import type { ComponentType, ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A closed `<details>` section of the left card whose body is a `lazyComponent`: only the title is
 * in the first view; the body's code is fetched when the section is first opened (issue 8).
 */
export function LazySection({ className, summary, body: Body, onOpen }: { className: string; summary: ComponentChildren; body: ComponentType<{ wanted: boolean }>; onOpen?: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class={className}
      onToggle={(e) => {
        if (!e.currentTarget.open) return;
        setOpened(true);
        onOpen?.();
      }}
    >
      <summary>{summary}</summary>
      <Body wanted={opened} />
    </details>
  );
}
