import { vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageExtraction } from '../../extension/lib/clip.js';

/** An extension event the test fires by hand (`trigger`), for the APIs WXT's fake browser leaves out. */
function fakeEvent<Listener extends (...args: any[]) => unknown>() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
    trigger: (...args: Parameters<Listener>) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

/**
 * WXT's fake browser (storage, alarms, runtime messaging, tabs, action) completed with stand-ins for what
 * it does not model: context menus, commands, `scripting.executeScript` (answering what the page "holds")
 * and `tabs.sendMessage` (recording what the page was sent).
 */
export function extensionTestBrowser() {
  const page: { extraction: PageExtraction | Error } = {
    extraction: { url: 'https://example.org/', paper: null, selection: '' },
  };
  const contextMenus = {
    create: vi.fn(),
    removeAll: vi.fn(async () => undefined),
    onClicked: fakeEvent<(info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => unknown>(),
  };
  const commands = { onCommand: fakeEvent<(command: string, tab?: { id?: number }) => unknown>() };
  const scripting = {
    executeScript: vi.fn(async (_injection: { target: { tabId: number }; files: string[] }) => {
      if (page.extraction instanceof Error) throw page.extraction;
      return [{ frameId: 0, result: page.extraction }];
    }),
  };
  const sentToTabs: { tabId: number; message: any }[] = [];
  const tabs = Object.assign(Object.create(fakeBrowser.tabs), {
    sendMessage: vi.fn(async (tabId: number, message: unknown) => void sentToTabs.push({ tabId, message })),
  });
  const browser = { ...fakeBrowser, contextMenus, commands, scripting, tabs } as unknown as WxtBrowser;
  return { browser, page, contextMenus, commands, scripting, sentToTabs };
}
