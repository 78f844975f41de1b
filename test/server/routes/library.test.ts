import { describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/runtime.js';
import { bidBody, expectError, publishChallenge, register } from '../../support/scenario.js';

const paper = (overrides: Record<string, unknown>) => ({
  url: 'https://www.nature.com/articles/s41586-020-0000-0',
  title: 'Stable perovskite solar cells',
  authors: [{ given: 'Wei', family: 'Zhang' }],
  ...overrides,
});

describe('saved challenges', () => {
  it('saves idempotently, lists newest first, unsaves, and keeps the save counter right', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const first = await publishChallenge(rt, owner, { title: 'First challenge title' });
    const second = await publishChallenge(rt, owner, { title: 'Second challenge title' });

    expect((await rt.call('PUT', `/api/me/saved/${first}`, { token: researcher.token })).status).toBe(200);
    rt.clock.advance(1000);
    const again = await rt.call('PUT', `/api/me/saved/${second}`, { token: researcher.token });
    expect(again.body.challenge.viewer).toMatchObject({ saved: true });
    await rt.call('PUT', `/api/me/saved/${second}`, { token: researcher.token });

    const list = await rt.call('GET', '/api/me/saved', { token: researcher.token });
    expect(list.body.items.map((s: any) => s.challenge.id)).toEqual([second, first]);
    expect((await rt.call('GET', `/api/challenges/${second}`)).body.counters.saves).toBe(1);

    expect((await rt.call('DELETE', `/api/me/saved/${second}`, { token: researcher.token })).body).toEqual({ deleted: true });
    expect((await rt.call('DELETE', `/api/me/saved/${second}`, { token: researcher.token })).body).toEqual({ deleted: false });
    expect((await rt.call('GET', `/api/challenges/${second}`)).body.counters.saves).toBe(0);
    expectError(await rt.call('PUT', '/api/me/saved/chl_nope', { token: researcher.token }), 404);
  });

  it('cannot save a draft it cannot see', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const draft = await rt.call('POST', '/api/challenges', {
      token: owner.token,
      body: { title: 'Secret draft', summary: 'Not yet published anywhere', fields: ['ai'], reward: { amount: 1 }, deadline: '2027-06-01T00:00:00Z' },
    });
    expectError(await rt.call('PUT', `/api/me/saved/${draft.body.id}`, { token: researcher.token }), 404);
  });
});

describe('paper library', () => {
  it('dedupes by DOI across resolver prefixes and case, answering 409 with the paper kept', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const created = await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ doi: 'https://doi.org/10.1000/XYZ' }) });
    expect(created.status).toBe(201);
    // Without the resolver, in the capitals as sent; the duplicate below differs only in case.
    expect(created.body.doi).toBe('10.1000/XYZ');

    const duplicate = await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: paper({ url: 'https://example.org/elsewhere', doi: '10.1000/xyz' }),
    });
    expectError(duplicate, 409);
    expect(duplicate.body.error.details.paper).toMatchObject({ id: created.body.id, doi: '10.1000/XYZ' });

    // Another researcher keeps their own copy.
    const other = await register(rt, 'Other', ['researcher']);
    expect((await rt.call('POST', '/api/me/papers', { token: other.token, body: paper({ doi: '10.1000/xyz' }) })).status).toBe(201);
  });

  it('dedupes by arXiv id across versions, then by normalized URL', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const arxiv = await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: paper({ url: 'https://arxiv.org/abs/2101.00001v1', arxivId: '2101.00001v1' }),
    });
    expect(arxiv.body.arxivId).toBe('2101.00001');
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ url: 'https://arxiv.org/abs/2101.00001v3', arxivId: 'arXiv:2101.00001v3' }) }), 409);

    expect((await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ url: 'https://Example.org/paper/?utm_source=x#top' }) })).status).toBe(201);
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ url: 'https://example.org/paper' }) }), 409);
    expect((await rt.call('GET', '/api/me/papers', { token: researcher.token })).body.items).toHaveLength(2);
  });

  it('rejects bad clips with a message, deletes only the owner’s papers', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ url: 'javascript:alert(1)' }) }), 422);
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ title: '' }) }), 422);
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ doi: 'not a doi' }) }), 422);
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ arxivId: 'nope' }) }), 422);
    const created = await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({}) });
    const other = await register(rt, 'Other', ['researcher']);
    expectError(await rt.call('DELETE', `/api/me/papers/${created.body.id}`, { token: other.token }), 404);
    expect((await rt.call('DELETE', `/api/me/papers/${created.body.id}`, { token: researcher.token })).body).toEqual({ deleted: true });
    expect((await rt.call('GET', '/api/me/papers', { token: researcher.token })).body.items).toEqual([]);
  });

  it('lets a bid cite the bidder’s own papers by id, keeping a copy that survives the clip’s deletion', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const other = await register(rt, 'Other', ['researcher']);
    const mine = await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ doi: '10.1234/abc', year: 2024, venue: 'Nature' }) });
    const theirs = await rt.call('POST', '/api/me/papers', { token: other.token, body: paper({ doi: '10.1234/def' }) });
    const challengeId = await publishChallenge(rt, owner);

    expectError(await rt.call('POST', `/api/challenges/${challengeId}/bids`, { token: researcher.token, body: bidBody('x', { paperIds: [theirs.body.id] }) }), 422);
    const bid = await rt.call('POST', `/api/challenges/${challengeId}/bids`, { token: researcher.token, body: bidBody('x', { paperIds: [mine.body.id], references: [] }) });
    expect(bid.status).toBe(201);
    expect(bid.body.references).toEqual([
      { paperId: mine.body.id, title: 'Stable perovskite solar cells', authors: [{ given: 'Wei', family: 'Zhang' }], doi: '10.1234/abc', arxivId: null, year: 2024, venue: 'Nature', url: paper({}).url },
    ]);
    await rt.call('DELETE', `/api/me/papers/${mine.body.id}`, { token: researcher.token });
    expect((await rt.call('GET', `/api/bids/${bid.body.id}`, { token: owner.token })).body.references[0].doi).toBe('10.1234/abc');
  });

  it('stores the author keywords, Latin names and patent details a clip carries, and lists them back', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const created = await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: paper({
        title: '钙钛矿太阳能电池的界面钝化',
        translatedTitle: 'Interface passivation of perovskite solar cells',
        authors: [{ given: '修', family: '欧阳', latin: { given: 'Xiu', family: 'Ouyang' }, affiliations: ['清华大学'] }],
        keywords: ['钙钛矿', ' 界面钝化 ', 'perovskite'],
        volume: '47',
        issue: '5',
        funding: ['国家自然科学基金(52077001)'],
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'article',
      keywords: ['钙钛矿', '界面钝化', 'perovskite'],
      translatedTitle: 'Interface passivation of perovskite solar cells',
      authors: [{ given: '修', family: '欧阳', latin: { given: 'Xiu', family: 'Ouyang' }, affiliations: ['清华大学'] }],
      volume: '47',
      issue: '5',
      funding: ['国家自然科学基金(52077001)'],
      patent: null,
    });
    const listed = await rt.call('GET', '/api/me/papers', { token: researcher.token });
    expect(listed.body.items[0].keywords).toEqual(['钙钛矿', '界面钝化', 'perovskite']);

    const patent = { number: 'CN115123456A', applicationNumber: 'CN202210456789.X', applicants: ['华北电力大学'], filingDate: '2022-04-27', publicationDate: '2022-07-29' };
    const clipped = await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: paper({ url: 'https://patents.google.com/patent/CN115123456A/en', title: 'Battery early warning', kind: 'patent', patent }),
    });
    expect(clipped.body).toMatchObject({ kind: 'patent', patent });
    const sameInvention = paper({ url: 'https://pss-system.cponline.cnipa.gov.cn/detail?id=1', title: '锂电池预警方法', patent: { ...patent, number: 'CN115123456B' } });
    expect((await rt.call('POST', '/api/me/papers', { token: researcher.token, body: sameInvention })).body.error.details.paper.id).toBe(clipped.body.id);
    expectError(await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ url: 'https://x.example/k', keywords: Array(101).fill('k') }) }), 422);
  });

  it('dedupes the same paper clipped from CNKI and from the publisher’s English page, by title, year and first author', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const english = await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: paper({ url: 'https://ieeexplore.ieee.org/document/9876543', doi: '10.1109/TSG.2023.1', title: 'Voltage Control of Distribution Networks Based on Deep Reinforcement Learning', year: 2023 }),
    });
    const cnki = paper({
      url: 'https://kns.cnki.net/kcms2/article/abstract?v=abc',
      title: '基于深度强化学习的配电网电压控制',
      translatedTitle: 'Voltage control of distribution networks based on deep reinforcement learning',
      year: 2023,
      authors: [{ given: '伟', family: '张' }],
    });
    const duplicate = await rt.call('POST', '/api/me/papers', { token: researcher.token, body: cnki });
    expectError(duplicate, 409);
    expect(duplicate.body.error.details.paper.id).toBe(english.body.id);

    // Another year, or another DOI, is another paper.
    expect((await rt.call('POST', '/api/me/papers', { token: researcher.token, body: { ...cnki, year: 2022 } })).status).toBe(201);
    expect((await rt.call('POST', '/api/me/papers', { token: researcher.token, body: { ...cnki, url: 'https://kns.cnki.net/other', doi: '10.1000/other' } })).status).toBe(201);
  });
});


describe('correcting a clip', () => {
  it('changes title, authors, year, venue, note and tags, keeps the rest, and only for the owner', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const other = await register(rt, 'Other', ['researcher']);
    const created = await rt.call('POST', '/api/me/papers', { token: researcher.token, body: paper({ doi: '10.1000/edit', venue: 'eLife Sciences Publications', year: 2019 }) });

    const patched = await rt.call('PATCH', `/api/me/papers/${created.body.id}`, {
      token: researcher.token,
      body: { title: 'Stable perovskite solar cells, corrected', authors: [{ given: 'Wei', family: 'Zhang' }, { given: 'Na', family: 'Li' }], year: 2020, venue: 'eLife', note: 'Table 2 has the damp-heat data', tags: ['encapsulation', 'to cite'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: created.body.id,
      title: 'Stable perovskite solar cells, corrected',
      authors: [{ given: 'Wei', family: 'Zhang' }, { given: 'Na', family: 'Li' }],
      year: 2020,
      venue: 'eLife',
      note: 'Table 2 has the damp-heat data',
      tags: ['encapsulation', 'to cite'],
      doi: '10.1000/edit',
      url: created.body.url,
    });
    // Left out stays; null clears.
    const cleared = await rt.call('PATCH', `/api/me/papers/${created.body.id}`, { token: researcher.token, body: { venue: null } });
    expect(cleared.body).toMatchObject({ venue: null, year: 2020, note: 'Table 2 has the damp-heat data' });
    const list = await rt.call('GET', '/api/me/papers', { token: researcher.token });
    expect(list.body.items[0]).toMatchObject({ title: 'Stable perovskite solar cells, corrected', venue: null, tags: ['encapsulation', 'to cite'] });

    expectError(await rt.call('PATCH', `/api/me/papers/${created.body.id}`, { token: other.token, body: { note: 'mine now' } }), 404);
    expectError(await rt.call('PATCH', `/api/me/papers/${created.body.id}`, { token: researcher.token, body: {} }), 422);
    expectError(await rt.call('PATCH', `/api/me/papers/${created.body.id}`, { token: researcher.token, body: { doi: '10.1000/other' } }), 422);
    expectError(await rt.call('PATCH', `/api/me/papers/${created.body.id}`, { token: researcher.token, body: { title: '' } }), 422);
  });
});
