import { describe, expect, it } from 'vitest';
import { TabState } from '../../../entrypoints/background/live/tab-state.ts';

// Rehearsal's "import from page" reads the tab's script through scriptTexts().

describe('TabState.scriptTexts', () => {
  it('returns script paragraphs in page order even when a later paragraph was touched first', () => {
    const t = new TabState();
    t.apply(
      [
        { id: 'script:2:c', text: '第三段', source: 'script' },
        { id: 'chat:x:1', text: '多少钱', source: 'chat' },
        { id: 'script:0:a', text: '第一段', source: 'script' },
      ],
      [],
      1,
    );
    // An edit of paragraph 10 arrives last; paragraph 1 later still.
    t.apply([{ id: 'script:10:e', text: '第十一段', source: 'script' }], [], 2);
    t.apply([{ id: 'script:1:b', text: '第二段', source: 'script' }], [], 3);
    t.apply([{ id: 'captions:0', text: '字幕', source: 'captions' }], [], 4);
    expect(t.scriptTexts()).toEqual(['第一段', '第二段', '第三段', '第十一段']);
  });

  it('drops removed paragraphs and puts a checked selection after the page paragraphs', () => {
    const t = new TabState();
    t.apply([{ id: 'selection', text: '选中的话', source: 'script' }], [], 1);
    t.apply(
      [
        { id: 'script:0:a', text: '旧第一段', source: 'script' },
        { id: 'script:1:b', text: '第二段', source: 'script' },
      ],
      [],
      2,
    );
    t.remove(['script:0:a'], 3);
    expect(t.scriptTexts()).toEqual(['第二段', '选中的话']);
  });

  it('is empty for a tab with chat only', () => {
    const t = new TabState();
    t.apply([{ id: 'chat:x:1', text: '多少钱', source: 'chat' }], [], 1);
    expect(t.scriptTexts()).toEqual([]);
  });
});
