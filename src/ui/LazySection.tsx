import type { ComponentType, ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A closed `<details>` section of the left card whose body is a `lazyComponent`: only the title is
 * in the first view; the body's code is fetched when the section is first opened (issue 8), and the
 * opened section scrolls to the top of the card.
 */
export function LazySection({ className, summary, body: Body, onOpen }: { className: string; summary: ComponentChildren; body: ComponentType<{ wanted: boolean }>; onOpen?: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class={className}
      onToggle={(e) => {
        const section = e.currentTarget;
        if (!section.open) return;
        setOpened(true);
        onOpen?.();
        // Brought to the top of the card, so its controls have the card's height and not the two
        // lines left below the sections above it (1280×800, a phone). Its body arrives a moment
        // later (fetched on first open) and only then leaves room to scroll: follow its growth for
        // a second.
        const toTop = () => section.scrollIntoView({ block: 'start' });
        requestAnimationFrame(toTop);
        if (typeof ResizeObserver === 'function') {
          const growing = new ResizeObserver(toTop);
          growing.observe(section);
          setTimeout(() => growing.disconnect(), 1000);
        }
      }}
    >
      <summary>{summary}</summary>
      <Body wanted={opened} />
    </details>
  );
}
