import { mountPage } from '../../components/mount.js';
import { OptionsPage } from '../../components/options-page.js';

mountPage(<OptionsPage />);
