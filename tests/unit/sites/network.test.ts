import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../entrypoints/console.content/sites/index.ts';
import { findComments, parseJsonLoose } from '../../../entrypoints/console.content/sites/network-parse.ts';
import { parseIrc } from '../../../entrypoints/console.content/sites/twitch.ts';

// Comments read from the consoles' own responses (what the MAIN-world tap relays).
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/sites/${name}`, import.meta.url)), 'utf8');

function parseFor(pageUrl: string, responseUrl: string, body: string) {
  const a = adapterFor(pageUrl)!;
  expect(a.network, `${a.id} has a network reader`).toBeDefined();
  const wanted = [...(a.network!.urls ?? []), ...(a.network!.sockets ?? [])];
  expect(wanted.some((u) => responseUrl.includes(u)), `${responseUrl} is one the tap relays for ${a.id}`).toBe(true);
  return a.network!.parse(responseUrl, body);
}

describe('network readers', () => {
  it('巨量百应 comment/info: comment_infos with nick_name, content and create_time in seconds', () => {
    const items = parseFor(
      'https://buyin.jinritemai.com/dashboard/live/control',
      'https://buyin.jinritemai.com/api/anchor/livepc/comment/info?room_id=744&cursor=0&a_bogus=x',
      fixture('buyin-comment-info.json'),
    );
    expect(items).toEqual([
      { author: '蓝莓味的猫', text: '孕妇可以喝吗', at: 1732512001000 },
      { author: '老王', text: '能治便秘吗？', at: 1732512003000 },
      { author: 'Yuki🌸', text: '加微信发你优惠券', at: 1732512004000 },
    ]);
  });

  it('淘宝 mtop anchorlatest: unwraps JSONP, reads publisherNick and millisecond timestamps', () => {
    const items = parseFor(
      'https://liveplatform.taobao.com/restful/index/live/control',
      'https://h5api.m.taobao.com/h5/mtop.taobao.iliad.comment.query.anchorlatest/3.0/?jsv=2.7.2&callback=mtopjsonp7',
      fixture('taobao-anchorlatest.jsonp'),
    );
    expect(items).toEqual([
      { author: '淘气包_88', text: '有证书吗', at: 1732512000456 },
      { author: 't***3', text: '能保值吗', at: 1732512001456 },
    ]);
  });

  it('视频号 live/msg: msgList entries, not the base64 app messages', () => {
    const items = parseFor(
      'https://channels.weixin.qq.com/platform/live/liveBuild',
      'https://channels.weixin.qq.com/micro/live/cgi-bin/mmfinderassistant-bin/live/msg?_rid=1',
      fixture('channels-live-msg.json'),
    );
    expect(items).toEqual([
      { author: '晓晓', text: '宝宝一岁能喝吗', at: 1732512100000 },
      { author: '陈叔叔', text: '喝了能长高吗', at: 1732512102000 },
    ]);
  });

  it('Twitch IRC frames: PRIVMSG lines with display-name and tmi-sent-ts; PING and welcome lines ignored', () => {
    const items = parseFor('https://www.twitch.tv/demo_channel', 'wss://irc-ws.chat.twitch.tv/', fixture('twitch-irc.txt'));
    expect(items).toEqual([
      { author: 'Shopper42', text: 'does this Kappa really cure back pain?', at: 1732512200123 },
      { author: 'Mika', text: 'shipping to EU?', at: 1732512201000 },
    ]);
    expect(parseIrc('@display-name=A\\sB :ab!ab@ab.tmi.twitch.tv PRIVMSG #c :\u0001ACTION waves\u0001')).toEqual([{ author: 'A B', text: 'waves' }]);
  });

  it('bad bodies yield nothing instead of throwing', () => {
    for (const body of ['', 'not json', '<html>502 Bad Gateway</html>', 'cb(', '{"data":', 'null', '[]']) {
      expect(parseFor('https://buyin.jinritemai.com/x', 'https://buyin.jinritemai.com/comment/info?', body)).toEqual([]);
    }
  });

  it('parseJsonLoose strips anti-hijacking prefixes and JSONP wrappers only', () => {
    expect(parseJsonLoose(")]}',\n{\"a\":1}")).toEqual({ a: 1 });
    expect(parseJsonLoose('for(;;);[1]')).toEqual([1]);
    expect(parseJsonLoose('  jsonp_1 ( {"b":2} ); ')).toEqual({ b: 2 });
    expect(parseJsonLoose('alert(1); evil({"b":2})')).toBeUndefined();
  });

  it('findComments stops at the depth and count limits (a hostile body cannot make it walk forever)', () => {
    let deep: unknown = { content: 'too deep', nick_name: 'x' };
    for (let i = 0; i < 50; i++) deep = { child: deep };
    expect(findComments(deep, { text: ['content'], author: ['nick_name'] })).toEqual([]);
    const many = Array.from({ length: 5000 }, (_, i) => ({ content: `m${i}`, nick_name: 'n' }));
    expect(findComments(many, { text: ['content'], author: ['nick_name'] }, 100)).toHaveLength(100);
  });
});
