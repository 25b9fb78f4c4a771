import { defineSiteAdapter } from './define.ts';
import { commentsFromBody } from './network-parse.ts';

// 淘宝直播 中控台 (liveplatform.taobao.com). Network first: comments come from the mtop API
// `mtop.taobao.iliad.comment.query.anchorlatest` on h5api.m.taobao.com, often as JSONP
// (`mtopjsonpN({...})`; parseJsonLoose unwraps it). Caveat: a JSONP response loaded by a <script>
// tag is invisible to fetch/XHR, so on builds that use JSONP the DOM fallback does the work.
export default defineSiteAdapter({
  id: 'taobao',
  name: { zh: '淘宝直播 中控台', en: 'Taobao Live console' },
  matches: ['https://liveplatform.taobao.com/*'],
  script: { box: ['textarea[placeholder*="脚本"]', '[class*="script"] textarea', '[class*="Script"] textarea'] },
  chat: {
    list: ['[class*="comment-list"]', '[class*="commentList"]', '[class*="CommentList"]', '[class*="chat-list"]'],
    item: ['[class*="comment-item"]', '[class*="commentItem"]', '[class*="CommentItem"]', '[class*="chat-item"]'],
    author: ['[class*="nick"]', '[class*="Nick"]', '[class*="user-name"]'],
    text: ['[class*="comment-content"]', '[class*="commentContent"]', '[class*="content"]'],
  },
  product: { name: ['[class*="explaining"] [class*="title"]', '[class*="item-card"][class*="active"] [class*="title"]'] },
  network: {
    urls: ['comment.query.anchorlatest'],
    parse: (_url, body) =>
      commentsFromBody(body, {
        text: ['content', 'comment'],
        author: ['publisherNick', 'nick', 'userNick', 'publisher.nick'],
        time: ['timestamp', 'publishTime', 'gmtCreate'],
        requireAny: ['publisherNick', 'nick', 'userNick', 'publisher', 'commentId'],
      }),
  },
});
