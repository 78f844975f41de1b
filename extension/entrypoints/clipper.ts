import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPaper } from '../../shared/paper.js';
import type { PageExtraction } from '../lib/clip.js';
import { showClipCard } from '../lib/clip-card.js';
import { askBackground, isShowClipCardMessage } from '../lib/messages.js';

declare global {
  // Set in the extension's isolated world of a page once the card listener is there, so re-clips add no second one.
  var tenderlabClipCardListening: boolean | undefined;
}

/**
 * Injected into the tab the user clipped (toolbar, context menu or shortcut, through `activeTab`): reads the
 * paper from the live document and the current selection, and stays to show the result card when the
 * background sends it. Its return value is what `scripting.executeScript` answers.
 */
export default defineUnlistedScript((): PageExtraction => {
  if (!globalThis.tenderlabClipCardListening) {
    globalThis.tenderlabClipCardListening = true;
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isShowClipCardMessage(message)) return;
      showClipCard(document, message.view, async (paperId) => {
        try {
          return (await askBackground('delete-paper', { paperId })).deleted;
        } catch {
          return false;
        }
      });
    });
  }
  const url = location.href;
  return { url, paper: extractPaper(document, url), selection: window.getSelection()?.toString().trim() ?? '' };
});
