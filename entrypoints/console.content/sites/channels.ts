import { defineSiteAdapter } from './define.ts';
import { commentsFromBody } from './network-parse.ts';

// 视频号 直播管理 (channels.weixin.qq.com/platform/live/liveBuild). The console runs inside a wujie
// micro-frontend: its DOM sits in an open shadow root (queryFirst walks those) and its requests are
// made from a same-origin iframe (the tap is injected in all frames). Network first:
// `mmfinderassistant-bin/live/msg` returns the latest messages; the walker reads objects carrying
// nickname + content.
export default defineSiteAdapter({
  id: 'channels',
  name: { zh: '视频号 直播中控', en: 'WeChat Channels live console' },
  matches: ['https://channels.weixin.qq.com/*'],
  script: { box: ['textarea[placeholder*="脚本"]', '[class*="script"] textarea'] },
  chat: {
    list: ['[class*="live-message-list"]', '[class*="comment-list"]', '[class*="message-list"]'],
    item: ['[class*="live-message-item"]', '[class*="comment-item"]', '[class*="message-item"]'],
    author: ['[class*="message-nickname"]', '[class*="nickname"]', '[class*="name"]'],
    text: ['[class*="message-content"]', '[class*="content"]'],
  },
  product: { name: ['[class*="explaining"] [class*="title"]', '[class*="product-item"][class*="active"] [class*="title"]'] },
  network: {
    urls: ['mmfinderassistant-bin/live/msg'],
    parse: (_url, body) =>
      commentsFromBody(body, {
        text: ['content'],
        author: ['nickname', 'nickName', 'contact.nickname', 'finderLiveContact.contact.nickname'],
        time: ['createtime', 'createTime'],
        requireAny: ['nickname', 'nickName', 'contact', 'finderLiveContact', 'username'],
      }),
  },
});
