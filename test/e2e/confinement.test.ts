import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness.ts';

/**
 * The renderer must not leave the app or reach the network, whatever the page
 * tries: window.open, assigning location, or a link with target=_blank.
 */
describe('the renderer stays inside the app', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());

  const external = () => app.requests.filter((url) => !url.startsWith(`${app.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));

  it('window.open returns no window and opens no page', async () => {
    const opened = await app.page.evaluate(`window.open('https://example.org/?leak=1', '_blank') === null`);
    expect(opened).toBe(true);
    expect(app.page.context().pages()).toHaveLength(1);
  });

  it('a link with target=_blank opens nothing and requests nothing', async () => {
    await app.page.evaluate(`(() => {
      const a = document.createElement('a');
      a.href = 'https://example.org/?leak=2';
      a.target = '_blank';
      a.textContent = 'external link';
      a.id = 'external-link';
      document.querySelector('main').append(a);
    })()`);
    await app.page.locator('#external-link').click();
    await app.page.locator('#external-link').click({ modifiers: ['Control'] });
    expect(app.page.context().pages()).toHaveLength(1);
    expect(app.page.url()).toBe(`${app.origin}/`);
  });

  it('assigning location to a web address is refused before any request leaves, and the app keeps working', async () => {
    await app.page.evaluate(`location.href = 'https://example.org/?leak=3'`).catch(() => undefined);
    await expect.poll(() => app.refused.some((u) => u.includes('leak=3'))).toBe(true);
    expect(app.page.url().startsWith(`${app.origin}/`)).toBe(true);
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Tags/ }).click();
    await app.page.getByRole('heading', { name: 'Tags', exact: true }).waitFor();
  });

  it('every request that was not for the app was refused by the harness, none answered', async () => {
    for (const url of external()) expect(app.refused).toContain(url);
    expect(app.refused.every((u) => u.startsWith('https://example.org/'))).toBe(true);
  });
});
