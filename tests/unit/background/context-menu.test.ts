import { beforeEach, describe, expect, it, vi } from 'vitest';

// The context menu talks only to browser.* : a hand-made stand-in records what it does.
const clickListeners: Array<(info: object, tab?: object) => void> = [];
const fake = {
  contextMenus: {
    removeAll: vi.fn(async () => {}),
    create: vi.fn(),
    onClicked: { addListener: (l: (info: object, tab?: object) => void) => clickListeners.push(l) },
  },
  sidePanel: { open: vi.fn(async () => {}) } as { open: ReturnType<typeof vi.fn> } | undefined,
  sidebarAction: undefined as { open: ReturnType<typeof vi.fn> } | undefined,
};
vi.mock('wxt/browser', () => ({ browser: fake }));

const { MENU_ID, onCheckSelection, registerContextMenu } = await import('../../../entrypoints/background/panel/context-menu.ts');

beforeEach(() => {
  clickListeners.length = 0;
  vi.clearAllMocks();
});

describe('context menu', () => {
  it('registers one bilingual item for selections, Chinese first', async () => {
    registerContextMenu();
    await vi.waitFor(() => expect(fake.contextMenus.create).toHaveBeenCalled());
    const item = fake.contextMenus.create.mock.calls[0]![0] as { id: string; title: string; contexts: string[] };
    expect(item.id).toBe(MENU_ID);
    expect(item.contexts).toEqual(['selection']);
    expect(item.title).toMatch(/^用 LiveLint 检查所选文字 .*Check selection with LiveLint$/);
  });

  it('opens the panel within the click and checks the selected text', () => {
    const handler = vi.fn();
    onCheckSelection(handler);
    clickListeners[0]!({ menuItemId: MENU_ID, selectionText: '全网最低价' }, { id: 3, windowId: 9, url: 'https://x.test/' });
    expect(fake.sidePanel!.open).toHaveBeenCalledWith({ windowId: 9 });
    expect(handler).toHaveBeenCalledWith('全网最低价', 3, 'https://x.test/');
  });

  it('ignores other items, empty selections and clicks without a tab', () => {
    const handler = vi.fn();
    onCheckSelection(handler);
    clickListeners[0]!({ menuItemId: 'other', selectionText: 'x' }, { id: 1 });
    clickListeners[0]!({ menuItemId: MENU_ID, selectionText: '' }, { id: 1 });
    clickListeners[0]!({ menuItemId: MENU_ID, selectionText: 'x' }, undefined);
    expect(handler).not.toHaveBeenCalled();
    expect(fake.sidePanel!.open).not.toHaveBeenCalled();
  });

  it('opens the Firefox sidebar when there is no sidePanel API', () => {
    const saved = fake.sidePanel;
    fake.sidePanel = undefined;
    fake.sidebarAction = { open: vi.fn(async () => {}) };
    try {
      onCheckSelection(() => {});
      clickListeners[0]!({ menuItemId: MENU_ID, selectionText: 'x' }, { id: 1 });
      expect(fake.sidebarAction.open).toHaveBeenCalled();
    } finally {
      fake.sidePanel = saved;
      fake.sidebarAction = undefined;
    }
  });
});
