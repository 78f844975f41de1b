import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabsProps<Id extends string> {
  label: string;
  tabs: readonly { id: Id; label: string }[];
  selected: Id;
  onSelect: (id: Id) => void;
  children: ComponentChildren;
}

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * Tabs as the WAI-ARIA tabs pattern has them: one tab stop (roving tabindex), the arrow keys, Home and End
 * move between tabs and select the one reached (automatic activation), each tab names the panel it controls
 * and the panel names its tab. `children` is the content of the selected tab's panel.
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect, children }: TabsProps<Id>) {
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = tabs[step(index, tabs.length)]!;
    onSelect(next.id);
    buttons.current[next.id]?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map(({ id, label: tabLabel }) => (
          <button
            key={id}
            ref={(button) => {
              buttons.current[id] = button;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-controls={`panel-${id}`}
            aria-selected={selected === id}
            tabIndex={selected === id ? 0 : -1}
            class={selected === id ? 'tab active' : 'tab'}
            onClick={() => onSelect(id)}
          >
            {tabLabel}
          </button>
        ))}
      </div>
      {/* Every panel exists for its tab's aria-controls to point at; only the selected one is shown and filled. */}
      {tabs.map(({ id }) => (
        <div key={id} class="tab-panel" role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} tabIndex={0} hidden={selected !== id}>
          {selected === id && children}
        </div>
      ))}
    </>
  );
}
