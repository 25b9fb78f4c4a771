import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, close, launchWithExtension, serveStatic, tabIdOf, type Harness, type StaticServer } from './harness.ts';
import { scriptPage } from './pages.ts';

// The demo adapter reads the first textarea of a page. It used to do that on every localhost page,
// so any local tool a seller ran (a notes app, a router page) ended up in findings and session
// history (issue 12). Now only a page carrying the demo server's marker is read.

let h: Harness;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

const unmarked = (text: string) => scriptPage(text).replace('<meta name="livelint-demo" content="e2e">', '');

describe('localhost pages', () => {
  it('reads the marked demo page and leaves another local tool with the same textarea alone', async () => {
    const text = '今天全网最低价，家人们冲。';
    expect(unmarked(text)).not.toContain('livelint-demo');
    const tool = await h.ctx.newPage();
    await tool.goto(server.page('/local-notes.html', unmarked(text)));
    const demo = await h.ctx.newPage();
    await demo.goto(server.page('/demo-page.html', scriptPage(text)));
    const [toolTab, demoTab] = [await tabIdOf(h, tool), await tabIdOf(h, demo)];
    // The marked page is checked: its badge counts the finding.
    for (let i = 0; i < 100 && (await badgeText(h, demoTab)) === ''; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await badgeText(h, demoTab)).not.toBe('');
    // The unmarked one, loaded first and given the same time, never was.
    await tool.bringToFront();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await badgeText(h, toolTab)).toBe('');
    expect(h.externalRequests()).toEqual([]);
  });
});
