import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, launchWithExtension, openPanel, serveStatic, tabIdOf, type Harness, type StaticServer } from './harness.ts';

// Chat floods during a big sale: 200 messages a second. The worker checks them and the panel's feed
// must stay smooth (issue 6: under 16 ms per frame). Frame times are measured in the panel with
// requestAnimationFrame while the worker is fed through its test hook.

const RATE = 200; // messages per second
const SECONDS = 5;
const BATCH_MS = 100; // the content script batches chat; 20 messages per batch at this rate

let h: Harness;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  h = await launchWithExtension();
});
afterAll(() => close(h, server));

describe('side panel under a chat flood', () => {
  it(`stays responsive at ${RATE} chat messages per second`, async () => {
    const page = await h.ctx.newPage();
    await page.goto(server.page('/flood.html', '<!doctype html><meta charset="utf-8"><title>flood</title>'));
    const tabId = await tabIdOf(h, page);
    const { page: panel } = await openPanel(h);
    await panel.bringToFront();

    // Record frame-to-frame times and long tasks in the panel.
    await panel.evaluate(() => {
      const w = window as unknown as { frames_: number[]; longTasks_: number[]; stop_: boolean };
      w.frames_ = [];
      w.longTasks_ = [];
      w.stop_ = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.frames_.push(now - last);
        last = now;
        if (!w.stop_) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks_.push(e.duration))).observe({
        type: 'longtask',
        buffered: false,
      });
    });

    const sw = await h.serviceWorker();
    const sent = await sw.evaluate(
      async ([tab, rate, seconds, batchMs]) => {
        const hook = (globalThis as unknown as { livelintTest: { content(m: unknown, t: number): Promise<void> } }).livelintTest;
        const lines = ['主播好美', '多少钱', '这个有M码吗', '全网最低价吗', '加我微信私聊', '发货快吗', '已拍', '最好的面膜吗', '哈哈哈', '能治湿疹吗'];
        const perBatch = Math.round((rate * batchMs) / 1000);
        let n = 0;
        const start = performance.now();
        while (performance.now() - start < seconds * 1000) {
          const blocks = Array.from({ length: perBatch }, () => {
            n++;
            return { id: `chat-${n}`, text: `${lines[n % lines.length]} ${n}`, source: 'chat', author: `观众${n % 37}` };
          });
          await hook.content({ type: 'livelint:blocks', site: 'demo', url: 'http://127.0.0.1/flood', blocks }, tab);
          const next = start + ((n / perBatch) * batchMs);
          await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
        }
        return n;
      },
      [tabId, RATE, SECONDS, BATCH_MS] as const,
    );

    await panel.waitForTimeout(500);
    const { frames, longTasks } = await panel.evaluate(() => {
      const w = window as unknown as { frames_: number[]; longTasks_: number[]; stop_: boolean };
      w.stop_ = true;
      return { frames: w.frames_.slice(1), longTasks: w.longTasks_ };
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
    const over16 = frames.filter((f) => f > 16.7 * 1.5).length;
    console.log(
      `[panel-flood] ${sent} messages in ${SECONDS}s; ${frames.length} frames: median ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(
        1,
      )} ms, max ${sorted.at(-1)?.toFixed(1)} ms, ${over16} frames over 25 ms; long tasks ${longTasks.length} (max ${Math.max(
        0,
        ...longTasks,
      ).toFixed(0)} ms)`,
    );

    expect(sent).toBeGreaterThanOrEqual(RATE * SECONDS * 0.8);
    // The panel did update during the flood: the viewers' risky messages are counted in a note that
    // points to the Chat tab, and none of them became a host warning card.
    const note = await panel.getByTestId('chat-risk-note').innerText();
    expect(Number(note.match(/\d+/)![0])).toBeGreaterThan(0);
    expect(await panel.locator('article.ll-card').count()).toBe(0);
    // The 16 ms target is measured and reported above; this bound only catches a gross regression
    // (a frame per message), since two shared cores under a test run stall whole frames.
    expect(pct(50)).toBeLessThan(100);
    expect(pct(95)).toBeLessThan(500);
    expect(h.externalRequests()).toEqual([]);
  });
});
