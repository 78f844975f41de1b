import { mountPage } from '../../components/mount.js';
import { OptionsPage } from '../../components/OptionsPage.js';

mountPage(<OptionsPage />);
