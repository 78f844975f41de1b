import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '../../extension/components/options-page.js';
import { createExtensionApi, DEFAULT_SERVER_URL, serverUrlItem, sessionItem } from '../../extension/lib/session.js';
import { renderInExtension } from '../support/extension-fixtures.js';

const ACCOUNT = {
  id: 'acc_wei',
  roles: ['researcher'],
  displayName: 'Wei Zhang',
  organization: 'Solar Lab',
  email: 'wei@example.org',
  locale: 'en',
  fields: [],
  keywords: [],
  orcid: null,
  bio: '',
  telegram: null,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
};

/** A server that knows one password and one code, and records what it was asked. */
function fakeServer() {
  const calls: { url: string; method: string; body: unknown; authorization: string | null }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', body, authorization: new Headers(init?.headers).get('authorization') });
    if (url.endsWith('/api/auth/login')) {
      return body.password === 'correct horse battery'
        ? json(200, { account: ACCOUNT, token: 'tok_password' })
        : json(401, { error: { code: 'unauthorized', message: 'Wrong email or password' } });
    }
    if (url.endsWith('/api/auth/exchange')) return json(200, { account: ACCOUNT, token: 'tok_code' });
    if (url.endsWith('/api/auth/logout')) return json(200, { revoked: true });
    return json(404, { error: { code: 'not_found', message: 'nope' } });
  });
  return { fetch, calls };
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('Options', () => {
  it('signs in with email and password, keeps the token, and signing out revokes it', async () => {
    const server = fakeServer();
    renderInExtension(<OptionsPage />, { api: createExtensionApi(server.fetch) });

    await screen.findByLabelText('Email');
    type('Email', 'wei@example.org');
    type('Password', 'correct horse battery');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Signed in as Wei Zhang (wei@example.org)')).toBeTruthy();
    expect(server.calls[0]).toMatchObject({
      url: `${DEFAULT_SERVER_URL}/api/auth/login`,
      method: 'POST',
      body: { email: 'wei@example.org', password: 'correct horse battery', label: 'Browser extension' },
    });
    expect(await sessionItem.getValue()).toMatchObject({ token: 'tok_password', serverUrl: DEFAULT_SERVER_URL, account: { id: 'acc_wei' } });

    const signOutButton = screen.getByRole('button', { name: 'Sign out' }) as HTMLButtonElement;
    await vi.waitFor(() => expect(signOutButton.disabled).toBe(false));
    fireEvent.click(signOutButton);
    expect(await screen.findByText('Signed out; the token was revoked on the server.')).toBeTruthy();
    expect(server.calls[1]).toMatchObject({ url: `${DEFAULT_SERVER_URL}/api/auth/logout`, method: 'POST', authorization: 'Bearer tok_password' });
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('signs in with a one-time code from the bot’s /connect', async () => {
    const server = fakeServer();
    renderInExtension(<OptionsPage />, { api: createExtensionApi(server.fetch) });
    fireEvent.click(await screen.findByLabelText('Code from Telegram'));
    type('One-time code', ' K7Q2MX ');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as Wei Zhang (wei@example.org)')).toBeTruthy();
    expect(server.calls[0]).toMatchObject({ url: `${DEFAULT_SERVER_URL}/api/auth/exchange`, body: { code: 'K7Q2MX' } });
    expect((await sessionItem.getValue())?.token).toBe('tok_code');
  });

  it('shows the server’s reason when sign-in fails, and stays signed out', async () => {
    const server = fakeServer();
    renderInExtension(<OptionsPage />, { api: createExtensionApi(server.fetch) });
    await screen.findByLabelText('Email');
    type('Email', 'wei@example.org');
    type('Password', 'wrong password');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('keeps the server URL, refuses what is not http(s), and signs out of the old server on a change', async () => {
    const server = fakeServer();
    await sessionItem.setValue({
      serverUrl: DEFAULT_SERVER_URL,
      token: 'tok_old',
      account: { id: 'acc_wei', displayName: 'Wei Zhang', organization: '', email: null },
      signedInAt: '2026-10-01T00:00:00.000Z',
    });
    renderInExtension(<OptionsPage />, { api: createExtensionApi(server.fetch) });
    await screen.findByText('Signed in as Wei Zhang');

    type('Server URL', 'ftp://tenderlab.example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an http:// or https:// address.')).toBeTruthy();
    expect(await serverUrlItem.getValue()).toBe(DEFAULT_SERVER_URL);

    type('Server URL', 'https://tenderlab.example.org/');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Server saved.')).toBeTruthy();
    expect(await serverUrlItem.getValue()).toBe('https://tenderlab.example.org');
    expect(server.calls).toEqual([expect.objectContaining({ url: `${DEFAULT_SERVER_URL}/api/auth/logout`, authorization: 'Bearer tok_old' })]);
    expect(await sessionItem.getValue()).toBeNull();
  });
});
