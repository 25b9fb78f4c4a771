import { defineSiteAdapter } from './define.ts';
import { commentsFromBody } from './network-parse.ts';

// 巨量百应 直播中控台 (buyin.jinritemai.com/dashboard/live/control) and the same console inside 抖店
// (fxg.jinritemai.com/ffa/buyin/dashboard/live/control). Network first: the console polls
// `comment/info?` whose JSON has data.comment_infos[] { comment_id, nick_name, content }, and
// `message?` (comments mixed with room_enter/like/follow events). The DOM fallback uses prefix
// matches on CSS-module classes (`[class^="goodsItem"]` style), which survive hash changes.
export default defineSiteAdapter({
  id: 'buyin',
  name: { zh: '巨量百应 / 抖店 直播中控台', en: 'Buyin / Doudian live console' },
  matches: ['https://buyin.jinritemai.com/*', 'https://fxg.jinritemai.com/*'],
  script: {
    box: ['textarea[placeholder*="脚本"]', '[class*="script"] textarea', '[class*="prompter"] [contenteditable="true"]', '[class*="Prompter"] textarea'],
  },
  chat: {
    list: ['[class^="commentList"]', '[class*="commentList"]', '[class*="comment-list"]', '[class^="commentWrapper"]'],
    item: ['[class^="commentItem"]', '[class*="commentItem"]', '[class*="comment-item"]'],
    author: ['[class^="nickname"]', '[class*="nickname"]', '[class*="nickName"]', '[class*="userName"]'],
    text: ['[class^="description"]', '[class^="content"]', '[class*="commentContent"]', '[class*="comment-content"]'],
  },
  product: {
    name: [
      '[class^="goodsItem"][class*="explaining"] [class^="title"]',
      '[class^="goodsItem"][class*="active"] [class^="title"]',
      '[class*="explainingGoods"] [class*="title"]',
    ],
  },
  network: {
    urls: ['/comment/info', '/live/control/message'],
    parse: (_url, body) =>
      commentsFromBody(body, {
        text: ['content', 'comment_content'],
        author: ['nick_name', 'nickname', 'user.nick_name', 'user.nickname'],
        time: ['create_time', 'timestamp'],
        requireAny: ['comment_id', 'nick_name', 'user'],
      }),
  },
});
