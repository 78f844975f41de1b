import { useEffect, useState } from 'preact/hooks';

type ProposeFormComponent = (typeof import('./propose-form.js'))['ProposeForm'];
type AchievementFormComponent = (typeof import('./achievement-form.js'))['AchievementForm'];

/** The component `load` resolves to, loaded the first time `needed` is true; null until then. */
function useLoadedWhenNeeded<C>(needed: boolean, load: () => Promise<C>): C | null {
  const [component, setComponent] = useState<C | null>(null);
  useEffect(() => {
    if (needed && !component) void load().then((loaded) => setComponent(() => loaded));
  }, [needed]);
  return component;
}

/**
 * The Propose form (new bids and revisions), loaded the first time it is needed: it brings the shared zod
 * schemas, the bulk of the pages' code, which the popup should not parse on every toolbar click.
 */
export function useProposeForm(needed: boolean): ProposeFormComponent | null {
  return useLoadedWhenNeeded(needed, async () => (await import('./propose-form.js')).ProposeForm);
}

/** The Offer form, loaded like the Propose form the first time it is needed (it brings the schemas and the glossary). */
export function useAchievementForm(needed: boolean): AchievementFormComponent | null {
  return useLoadedWhenNeeded(needed, async () => (await import('./achievement-form.js')).AchievementForm);
}
