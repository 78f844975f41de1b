import { ENTERPRISES, RESEARCHERS } from './content/accounts.js';
import { ACHIEVEMENTS } from './content/achievements.js';
import { BATTERY_AND_SOLAR_CHALLENGES } from './content/batteries-and-solar.js';
import { HEALTH_CHALLENGES } from './content/health.js';
import { PAPERS, SUBSCRIPTIONS } from './content/library.js';
import { STEEL_CHALLENGES } from './content/steel.js';
import { VEHICLE_CHALLENGES } from './content/vehicles.js';
import { WATER_AND_FARMING_CHALLENGES } from './content/water-and-farming.js';
import type { DemoDataset } from './types.js';

/** The password of every demo account: the demo is for looking around, and the banner prints it. */
export const DEMO_PASSWORD = 'demo-password-2026';

/**
 * The demo exchange, R&D crowdsourcing in the spirit of the 2016 action plan: seven enterprises (battery,
 * PV, steel, agritech, water, hospitals, EVs) and eight researchers; sixteen challenges across all
 * fourteen fields, about half written in Chinese — twelve open (one closing within a day), two awarded
 * with their announcements, one closed and under evaluation, one still a draft — with sealed bids citing
 * clipped papers, public questions and answers, saves and saved searches; and a catalogue of twelve listed
 * achievements (and a draft) from eight institutions, with three deals announced (one transferred).
 */
export const DEMO_DATASET: DemoDataset = {
  password: DEMO_PASSWORD,
  accounts: [...ENTERPRISES, ...RESEARCHERS],
  papers: PAPERS,
  subscriptions: SUBSCRIPTIONS,
  challenges: [
    ...BATTERY_AND_SOLAR_CHALLENGES,
    ...VEHICLE_CHALLENGES,
    ...STEEL_CHALLENGES,
    ...WATER_AND_FARMING_CHALLENGES,
    ...HEALTH_CHALLENGES,
  ],
  achievements: ACHIEVEMENTS,
};
