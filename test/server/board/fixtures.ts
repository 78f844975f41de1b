import type { ChallengeCreateInput } from '../../../shared/schemas/challenge.js';
import type { RegisterInput } from '../../../shared/schemas/account.js';
import { DAY } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';

/**
 * A runtime with one enterprise and one researcher, helpers that post challenges through the services,
 * and `page()` that fetches a board page as a browser would.
 */
export async function boardFixture() {
  const rt = await testRuntime();
  const { services } = rt;

  const register = async (input: Omit<RegisterInput, 'password'>) => {
    const { account } = await services.accounts.register({ ...input, password: 'board-test-password' });
    return services.accounts.get(account.id);
  };
  const enterprise = await register({ roles: ['enterprise'], displayName: 'Chen Li', organization: 'Qiming Power Battery', email: 'chen@qiming.example' });
  const researcher = await register({ roles: ['researcher'], displayName: 'Lin Wei', organization: 'Zhejiang University', email: 'lin@zju.example' });

  /** A published challenge (or a draft with `publish: false`), due in `days` days. */
  const post = async (input: Partial<ChallengeCreateInput> & { title: string }, options: { publish?: boolean; days?: number } = {}) => {
    const draft = await services.challenges.create(enterprise, {
      summary: 'A challenge summary that is long enough.',
      fields: ['energy'],
      reward: { amount: 100000, currency: 'CNY' },
      deadline: new Date(rt.clock.now().getTime() + (options.days ?? 30) * DAY).toISOString(),
      ...input,
    });
    return options.publish === false ? draft : services.challenges.publish(enterprise, draft.id);
  };

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await rt.app.request(path, { headers });
    return { status: response.status, html: await response.text(), headers: response.headers };
  };

  return { rt, services, enterprise, researcher, post, page };
}
