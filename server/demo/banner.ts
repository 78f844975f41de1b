import type { DemoAccount, DemoDataset } from './types.js';

/** What the demo holds, counted from the dataset the way the board will show it. */
export function describeDataset(dataset: DemoDataset): string {
  const published = dataset.challenges.filter((c) => c.publishedDaysAgo !== undefined);
  const open = published.filter((c) => !c.award && c.deadlineInDays > 0);
  const parts = [
    `${open.length} open`,
    `${open.filter((c) => c.deadlineInDays < 1).length} closing within a day`,
    `${published.filter((c) => c.award).length} awarded`,
    `${published.filter((c) => !c.award && c.deadlineInDays <= 0).length} closed`,
    `${dataset.challenges.length - published.length} draft`,
  ];
  const count = (role: DemoAccount['roles'][number]) => dataset.accounts.filter((a) => a.roles.includes(role)).length;
  const bids = dataset.challenges.reduce((n, c) => n + (c.bids?.length ?? 0), 0);
  const questions = dataset.challenges.reduce((n, c) => n + (c.questions?.length ?? 0), 0);
  return (
    `${dataset.challenges.length} challenges (${parts.join(', ')}) from ${count('enterprise')} enterprises, ` +
    `${count('researcher')} researchers, ${bids} sealed bids, ${questions} public questions`
  );
}

function firstWith(dataset: DemoDataset, role: DemoAccount['roles'][number]): DemoAccount {
  const account = dataset.accounts.find((a) => a.roles.includes(role));
  if (!account) throw new Error(`The demo dataset has no ${role}`);
  return account;
}

/**
 * The lines `npm run demo` prints under the server's address: what was loaded (or that the directory, or
 * the database when `database` names one, already had it), and two accounts to sign in with, one
 * enterprise and one researcher.
 */
export function demoBanner(dataset: DemoDataset, { seeded, dataDir, database }: { seeded: boolean; dataDir: string; database?: string }): string {
  const enterprise = firstWith(dataset, 'enterprise');
  const researcher = firstWith(dataset, 'researcher');
  const where = database ? `the database ${database}` : dataDir;
  const afresh = database ? 'point DATABASE_URL at an empty database to load it afresh' : 'delete that directory to load it afresh';
  const loaded = seeded
    ? `  Demo content loaded into ${where}: ${describeDataset(dataset)}.`
    : `  Demo content: using what is already in ${where} (${afresh}).`;
  return [
    loaded,
    `  Sign in (browser extension, or POST /api/auth/login) with password ${dataset.password}:`,
    `    enterprise  ${enterprise.email}  ${enterprise.organization}`,
    `    researcher  ${researcher.email}  ${researcher.organization}`,
    `  The other ${dataset.accounts.length - 2} demo accounts (server/demo/content/accounts.ts) use the same password.`,
  ].join('\n');
}
