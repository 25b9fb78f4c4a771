import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, launchWithExtension, openPanel, serveStatic, type Harness, type StaticServer } from './harness.ts';

// LiveLint's promise: scripts, captions and chat are checked on this machine and nothing leaves it.
// The whole flow runs (page read by the real content script, checked, shown, acted on in the panel)
// behind a trap proxy that refuses and records anything headed off the machine.

const CONSOLE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="livelint-demo" content="e2e"><title>privacy console</title></head>
<body>
  <textarea id="script" rows="5" cols="60">欢迎来到直播间，今天给大家讲讲这款面膜。</textarea>
  <div id="captions"></div>
  <ul id="chat"></ul>
  <script>
    window.addChat = (author, text) => {
      const li = document.createElement('li');
      li.className = 'chat-row';
      li.innerHTML = '<span class="author"></span><span class="text"></span>';
      li.querySelector('.author').textContent = author;
      li.querySelector('.text').textContent = text;
      document.getElementById('chat').append(li);
    };
  </script>
</body></html>`;

let h: Harness;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

describe('privacy', () => {
  it('the whole live flow makes zero requests off this machine', async () => {
    const page = await h.ctx.newPage();
    await page.goto(server.page('/privacy.html', CONSOLE));
    const { page: panel } = await openPanel(h);

    // The host edits the script; viewers write in the chat.
    await page.locator('#script').fill('欢迎来到直播间！这款面膜全网最低价，用了马上见效。');
    await page.evaluate(() => (window as unknown as { addChat(a: string, t: string): void }).addChat('观众A', '加我微信私聊更便宜'));

    const lowest = panel.locator('article.ll-card', { has: panel.locator('mark', { hasText: '全网最低价' }) });
    await lowest.first().waitFor({ timeout: 15_000 });
    // The viewer's lure is counted for the Chat tab, not shown as the host's warning.
    await panel.getByTestId('chat-risk-note').waitFor({ timeout: 15_000 });

    // Act on it in the panel: copy a rewrite, ignore once, switch language.
    await lowest.first().getByRole('button', { name: /^复制改写/ }).first().click();
    await lowest.first().getByRole('button', { name: '忽略一次' }).click();
    await panel.getByRole('button', { name: 'Switch to English' }).click();
    await panel.getByRole('tab', { name: /Live/ }).waitFor();
    await page.waitForTimeout(500); // let any late request (badge, storage, reconnect) happen

    const external = h.externalRequests();
    console.log(
      `[privacy] ${h.requests.length} requests seen, ${external.length} off-machine; Chromium's own refused calls: ${
        [...new Set(h.browserNoise().map((r) => new URL(r.url).hostname))].join(', ') || 'none'
      }`,
    );
    expect(external).toEqual([]);
  });

  it('would notice a request leaving the machine (the check can fail)', async () => {
    const page = await h.ctx.newPage();
    await page.goto(server.page('/leak.html', '<!doctype html><meta charset="utf-8"><title>leak</title>'));
    await page.evaluate(() => fetch('http://telemetry.example/collect?x=1').catch(() => {}));
    await expect.poll(() => h.externalRequests().map((r) => new URL(r.url).hostname)).toContain('telemetry.example');
  });
});
