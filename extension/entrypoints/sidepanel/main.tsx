import { ExtensionApp } from '../../components/extension-app.js';
import { mountPage } from '../../components/mount.js';
import { openSettings, paintUnread } from '../../lib/pages.js';

mountPage(<ExtensionApp openSettings={openSettings} paintUnread={paintUnread} />);
