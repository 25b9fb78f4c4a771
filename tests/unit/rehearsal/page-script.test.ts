import { describe, expect, it, vi } from 'vitest';
import { requestPageScript } from '../../../entrypoints/sidepanel/page-script.ts';
import { panelToBackgroundSchema } from '../../../rules/protocol/panel.ts';

// A fake runtime Port: records what the panel posts, lets the test answer as the background.
function fakePort() {
  const onMessage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const posted: unknown[] = [];
  const port = {
    name: 'livelint-panel',
    postMessage: (m: unknown) => posted.push(m),
    disconnect: vi.fn(),
    onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
    onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
  };
  return {
    port,
    posted,
    answer: (m: unknown) => onMessage.forEach((f) => f(m)),
    drop: () => onDisconnect.forEach((f) => f()),
  };
}

describe('requestPageScript', () => {
  it('sends a valid page-script request and resolves with the blocks of the matching answer', async () => {
    const f = fakePort();
    const p = requestPageScript(7, () => f.port as never);
    const req = panelToBackgroundSchema.parse(f.posted[0]);
    expect(req).toMatchObject({ type: 'page-script', tabId: null, windowId: 7 });
    const requestId = (req as { requestId: number }).requestId;
    // A snapshot and an answer to another request on the same port are ignored.
    f.answer({ type: 'snapshot' });
    f.answer({ type: 'page-script', requestId: requestId + 100, tabId: 3, blocks: ['别的'] });
    f.answer({ type: 'page-script', requestId, tabId: 3, blocks: ['第一段', '第二段'] });
    await expect(p).resolves.toEqual(['第一段', '第二段']);
    expect(f.port.disconnect).toHaveBeenCalled();
  });

  it('rejects a malformed answer with a clear error', async () => {
    const f = fakePort();
    const p = requestPageScript(undefined, () => f.port as never);
    const requestId = (f.posted[0] as { requestId: number }).requestId;
    f.answer({ type: 'page-script', requestId, tabId: 3, blocks: [42] });
    await expect(p).rejects.toThrow(/invalid page-script answer/);
  });

  it('rejects when the background goes away or never answers', async () => {
    const f = fakePort();
    const p = requestPageScript(undefined, () => f.port as never);
    f.drop();
    await expect(p).rejects.toThrow(/disconnected/);
    const g = fakePort();
    await expect(requestPageScript(undefined, () => g.port as never, 20)).rejects.toThrow(/no answer/);
  });
});
