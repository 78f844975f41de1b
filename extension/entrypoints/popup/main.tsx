import { ExtensionApp } from '../../components/extension-app.js';
import { mountPage } from '../../components/mount.js';
import { clipActiveTab, openSettings, paintUnread, sidePanelOpener } from '../../lib/pages.js';

void sidePanelOpener().then((openSidePanel) =>
  mountPage(
    <ExtensionApp
      clipOnOpen={clipActiveTab}
      {...(openSidePanel ? { openSidePanel } : {})}
      openSettings={openSettings}
      paintUnread={paintUnread}
    />,
  ),
);
