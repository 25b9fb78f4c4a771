import { describe, expect, it } from 'vitest';
import { adapterFor, ADAPTERS } from '../../../entrypoints/console.content/sites/index.ts';
import type { ChatItem } from '../../../entrypoints/console.content/sites/types.ts';
import { loadFixture } from './load-fixture.ts';

// What each adapter reads from a saved page of its console. The fixtures are written from public
// descriptions of the pages (tests/fixtures/sites/README.md); gifts, entries and system rows are in
// them on purpose and must NOT come out as chat.

interface Case {
  fixture: string;
  url: string;
  adapter: string;
  chat: ChatItem[];
  script?: string[];
  product?: string;
}

const CASES: Case[] = [
  {
    fixture: 'douyin.html',
    url: 'https://live.douyin.com/80017709309',
    adapter: 'douyin',
    chat: [
      { author: '小鹿乱撞', text: '这个面膜敏感肌能用吗[捂脸]' },
      { author: '用户9527', text: '主播说的全网最低价是真的吗' },
      { author: 'momo酱', text: '已拍 三号链接' },
    ],
    product: '玻尿酸补水面膜 10片装',
  },
  {
    fixture: 'douyin-rehashed.html',
    url: 'https://live.douyin.com/80017709309',
    adapter: 'douyin',
    chat: [
      { author: '橙子', text: '这个能祛斑吗' },
      { author: '大白兔', text: '包邮吗' },
    ],
  },
  {
    fixture: 'buyin.html',
    url: 'https://buyin.jinritemai.com/dashboard/live/control',
    adapter: 'buyin',
    chat: [
      { author: '蓝莓味的猫', text: '孕妇可以喝吗' },
      { author: '老王', text: '能治便秘吗？' },
      { author: 'Yuki🌸', text: '加微信发你优惠券' },
    ],
    script: ['家人们，今天这款益生菌是我们直播间的爆款', '喝了三天肠胃就好了，比医院开的药还管用', '现在下单再送一盒，数量有限'],
    product: '益生菌固体饮料 30袋/盒',
  },
  {
    fixture: 'taobao.html',
    url: 'https://liveplatform.taobao.com/restful/index/live/control',
    adapter: 'taobao',
    chat: [
      { author: '淘气包_88', text: '有证书吗' },
      { author: 't***3', text: '能保值吗' },
    ],
    script: ['这款转运珠戴上就能招财转运', '足金999，全网最低价'],
    product: '黄金转运珠手链 足金999',
  },
  {
    fixture: 'kuaishou.html',
    url: 'https://zs.kwaixiaodian.com/page/helper',
    adapter: 'kuaishou',
    chat: [
      { author: '东北老铁', text: '是今年的新米吗' },
      { author: '快乐小羊', text: '糖尿病能吃吗' },
    ],
    script: ['五常大米，吃了能降血糖', '老铁们，最后三单，错过今天再等一年'],
    product: '东北五常大米 10斤装',
  },
  {
    fixture: 'channels.html',
    url: 'https://channels.weixin.qq.com/platform/live/liveBuild',
    adapter: 'channels',
    chat: [
      { author: '晓晓', text: '宝宝一岁能喝吗' },
      { author: '陈叔叔', text: '喝了能长高吗' },
    ],
    product: '有机纯牛奶 250ml×12盒',
  },
  {
    fixture: 'tiktok.html',
    url: 'https://www.tiktok.com/@glowshop/live',
    adapter: 'tiktok',
    chat: [
      { author: 'beautybyanna', text: 'does it cure acne?' },
      { author: '小美', text: '敏感肌可以用吗' },
    ],
    product: 'Vitamin C Serum 30ml',
  },
  {
    fixture: 'youtube.html',
    url: 'https://www.youtube.com/live_chat?is_popout=1&v=jfKfPfyJRdk',
    adapter: 'youtube',
    chat: [
      { author: 'Lena Park', text: 'is this the lowest price ever? 😍' },
      { author: '王小明', text: '主播辛苦了' },
    ],
  },
  {
    fixture: 'twitch.html',
    url: 'https://www.twitch.tv/popout/demo_channel/chat',
    adapter: 'twitch',
    chat: [
      { author: 'Shopper42', text: 'does this Kappa really cure back pain?' },
      { author: 'Mika', text: 'shipping to EU?' },
    ],
  },
];

describe('site adapters read their saved consoles', () => {
  it('has a fixture case for every console adapter', () => {
    const covered = new Set(CASES.map((c) => c.adapter));
    expect(ADAPTERS.map((a) => a.id).filter((id) => id !== 'demo' && !covered.has(id))).toEqual([]);
  });

  for (const c of CASES) {
    describe(c.fixture, () => {
      it('is claimed by the right adapter', () => {
        expect(adapterFor(c.url)?.id).toBe(c.adapter);
      });

      it('reads chat rows with author and text, skipping gifts and system rows', () => {
        const doc = loadFixture(c.fixture);
        const adapter = adapterFor(c.url)!;
        const list = adapter.findChatList(doc);
        expect(list, 'chat list found').not.toBeNull();
        expect(adapter.readChat(list!)).toEqual(c.chat);
      });

      it('extract() returns script paragraphs and chat blocks with stable ids', () => {
        const doc = loadFixture(c.fixture);
        const adapter = adapterFor(c.url)!;
        const blocks = adapter.extract(doc, 1_732_512_000_000);
        expect(blocks.filter((b) => b.source === 'script').map((b) => b.text)).toEqual(c.script ?? []);
        expect(blocks.filter((b) => b.source === 'chat').map((b) => b.text)).toEqual(c.chat.map((m) => m.text));
        const again = adapter.extract(loadFixture(c.fixture), 1_732_512_000_000);
        expect(again.map((b) => b.id)).toEqual(blocks.map((b) => b.id));
        expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
      });

      it('reads the product being presented', () => {
        const doc = loadFixture(c.fixture);
        expect(adapterFor(c.url)!.readProduct(doc)).toBe(c.product);
      });
    });
  }
});
