import { describe, expect, it } from 'vitest';
import { DAY } from '../../support/fake-clock.js';
import { boardFixture } from './fixtures.js';

describe('board: challenge page', () => {
  it('shows the terms, counters and the public Q&A', async () => {
    const { services, post, researcher, enterprise, page } = await boardFixture();
    const challenge = await post({
      title: '退役动力电池回收',
      summary: '面向退役磷酸铁锂电池的低成本再生工艺。',
      description: '第一段：背景。\n第二段：目标指标。',
      type: 'prototype',
      ipTerms: 'joint-rd',
      reward: { amount: 90000, currency: 'USD' },
    });
    const asked = await services.questions.ask(researcher, challenge.id, { text: 'Is the sample supply included?' });
    await services.questions.answer(enterprise, asked.id, { answer: 'Yes, 200 kg of black mass.' });
    await services.questions.ask(researcher, challenge.id, { text: 'What purity is required?' });

    const { status, html } = await page(`/challenges/${challenge.id}`);
    expect(status).toBe(200);
    expect(html).toContain('<title>退役动力电池回收 · Tenderlab</title>');
    expect(html).toContain('第一段：背景。\n第二段：目标指标。');
    expect(html).toContain('US$90,000');
    expect(html).toContain('Prototype');
    expect(html).toContain('Joint R&amp;D');
    expect(html).toContain('>Open<');
    expect(html).toContain('2 public questions');
    expect(html).toContain('Is the sample supply included?');
    expect(html).toContain('Yes, 200 kg of black mass.');
    expect(html).toContain('What purity is required?');
    expect(html).toContain('Awaiting the enterprise’s answer.');
  });

  it('shows the award on an awarded challenge', async () => {
    const { services, post, researcher, enterprise, page, rt } = await boardFixture();
    const challenge = await post({ title: 'Converter lining wear prediction' });
    const bid = await services.bids.submit(researcher, challenge.id, {
      summary: 'Laser scanning plus a physics-informed wear model.',
      approach: 'Scan after every heat, fit the wear model, predict the campaign end.',
      price: { amount: 420000, currency: 'CNY' },
      durationWeeks: 20,
    });
    rt.clock.advance(DAY);
    await services.bids.award(enterprise, challenge.id, { bidId: bid.id, note: 'Best validation on our plant data.' });

    const { html } = await page(`/challenges/${challenge.id}`);
    expect(html).toContain('Awarded');
    expect(html).toContain('Zhejiang University (Lin Wei)');
    expect(html).toContain('CN¥420,000');
    expect(html).toContain('Best validation on our plant data.');
  });

  it('answers an unknown id or a draft with a friendly 404 page', async () => {
    const { post, page } = await boardFixture();
    const draft = await post({ title: 'Unpublished plan' }, { publish: false });
    for (const path of ['/challenges/chl_nope', `/challenges/${draft.id}`]) {
      const { status, html, headers } = await page(path);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toMatch(/text\/html/);
      expect(html).toContain('Not found');
      expect(html).not.toContain('Unpublished plan');
    }
    expect((await page('/challenges/chl_nope?lang=zh')).html).toContain('页面不存在');
  });
});

describe('board: awards page', () => {
  it('announces an award made through the services', async () => {
    const { services, post, researcher, enterprise, page } = await boardFixture();
    const challenge = await post({ title: 'Soil nitrate sensor' });
    const bid = await services.bids.submit(researcher, challenge.id, {
      summary: 'Ion-selective electrode array, solar powered.',
      approach: 'Screen-printed electrodes with a drift model calibrated against lab tests.',
      price: { amount: 250000, currency: 'CNY' },
      durationWeeks: 16,
    });
    await services.bids.award(enterprise, challenge.id, { bidId: bid.id, note: '田间数据最可信。' });

    const { status, html } = await page('/awards?lang=zh');
    expect(status).toBe(200);
    expect(html).toContain('授标公告');
    expect(html).toContain('Soil nitrate sensor');
    expect(html).toContain('Zhejiang University (Lin Wei)');
    expect(html).toContain('Qiming Power Battery (Chen Li)');
    expect(html).toContain('¥250,000');
    expect(html).toContain('田间数据最可信。');
    expect(html).toContain(`href="/challenges/${challenge.id}?lang=zh"`);
  });

  it('says so when there is nothing yet', async () => {
    const { page } = await boardFixture();
    expect((await page('/awards')).html).toContain('No awards yet.');
  });
});
