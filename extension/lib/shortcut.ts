import type { Browser } from 'wxt/browser';

/** The keyboard command declared in the manifest (`commands`). */
export const CLIP_COMMAND = 'clip-paper';

/**
 * The key the browser really assigned to the clip command ("Alt+Shift+K"), or null when it assigned none.
 * A suggested key is only a wish: Chromium leaves it unassigned when the browser or another extension holds
 * it, and the reader may change it, so anything that names the shortcut asks here rather than the manifest.
 */
export async function clipShortcut(commands: Pick<typeof Browser.commands, 'getAll'> | undefined): Promise<string | null> {
  if (!commands?.getAll) return null;
  try {
    const command = (await commands.getAll()).find((candidate) => candidate.name === CLIP_COMMAND);
    return command?.shortcut ? command.shortcut : null;
  } catch {
    return null;
  }
}
