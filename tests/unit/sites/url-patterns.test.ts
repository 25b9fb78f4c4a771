import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, CONTENT_MATCHES } from '../../../entrypoints/console.content/sites/index.ts';
import { TAP_MATCHES } from '../../../entrypoints/console.content/sites/tap-matches.ts';

// Every adapter claims its own console and nothing else: a pattern that is too wide would run the
// sensor (and ask for host permission) on sites users never chose.
const OWN: Record<string, string[]> = {
  douyin: ['https://live.douyin.com/80017709309', 'https://live.douyin.com/'],
  buyin: ['https://buyin.jinritemai.com/dashboard/live/control', 'https://fxg.jinritemai.com/ffa/buyin/dashboard/live/control'],
  taobao: ['https://liveplatform.taobao.com/restful/index/live/control'],
  kuaishou: ['https://zs.kwaixiaodian.com/page/helper'],
  channels: ['https://channels.weixin.qq.com/platform/live/liveBuild'],
  tiktok: ['https://www.tiktok.com/@glowshop/live', 'https://www.tiktok.com/@glowshop/live?enter_from=x'],
  youtube: ['https://www.youtube.com/live_chat?v=jfKfPfyJRdk', 'https://www.youtube.com/live_chat_replay?continuation=x'],
  twitch: ['https://www.twitch.tv/demo_channel', 'https://www.twitch.tv/popout/demo_channel/chat'],
  demo: ['http://127.0.0.1:4173/console.html', 'http://localhost:5173/', 'http://127.0.0.1/demo/console.html?rate=200'],
};

// Look-alikes that must belong to no adapter.
const NOBODY = [
  'https://www.douyin.com/video/7300000000000000000',
  'https://douyin.com.evil.example/live',
  'https://jinritemai.com/',
  'https://compass.jinritemai.com/screen/live',
  'https://www.taobao.com/',
  'https://live.taobao.com/',
  'https://www.kuaishou.com/',
  'https://weixin.qq.com/',
  'https://www.tiktok.com/@glowshop',
  'https://www.tiktok.com/@glowshop/video/7300000000000000000',
  'https://www.youtube.com/watch?v=jfKfPfyJRdk',
  'https://twitch.tv.example.com/x',
  'https://127.0.0.1/', // https on loopback is not the demo
  'http://192.168.1.10/console.html',
  'file:///home/u/console.html',
];

describe('adapter URL patterns', () => {
  it('has sample URLs for every adapter', () => {
    expect(Object.keys(OWN).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });

  for (const [id, urls] of Object.entries(OWN)) {
    it(`${id} matches only its own site`, () => {
      for (const url of urls) {
        expect(ADAPTERS.filter((a) => a.matchesUrl(url)).map((a) => a.id), url).toEqual([id]);
      }
      const others = Object.entries(OWN).filter(([k]) => k !== id).flatMap(([, u]) => u);
      const adapter = ADAPTERS.find((a) => a.id === id)!;
      for (const url of [...others, ...NOBODY]) expect(adapter.matchesUrl(url), url).toBe(false);
    });
  }

  it('no adapter claims a look-alike', () => {
    for (const url of NOBODY) expect(adapterFor(url)?.id, url).toBeUndefined();
  });

  it('the content script runs exactly where the adapters say, no wider', () => {
    expect(CONTENT_MATCHES).not.toContain('<all_urls>');
    for (const m of CONTENT_MATCHES) expect(m, m).not.toMatch(/^\*:\/\/\*\//);
    expect(new Set(CONTENT_MATCHES)).toEqual(new Set(ADAPTERS.flatMap((a) => a.matches)));
  });

  it('the network tap is injected exactly on consoles whose adapter reads the network', () => {
    const withNetwork = ADAPTERS.filter((a) => a.network).flatMap((a) => a.matches);
    expect(new Set(TAP_MATCHES)).toEqual(new Set(withNetwork));
  });
});
