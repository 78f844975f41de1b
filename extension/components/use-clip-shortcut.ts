import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clipShortcut } from '../lib/shortcut.js';

/**
 * The clip command's assigned key for UI text: undefined while asking, null when none is assigned. Asked
 * once per page; a key changed in the browser's settings shows the next time a page opens.
 */
export function useClipShortcut(): string | null | undefined {
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void clipShortcut(browser.commands).then((key) => current && setShortcut(key));
    return () => {
      current = false;
    };
  }, []);
  return shortcut;
}
