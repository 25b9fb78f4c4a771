import { defineSiteAdapter } from './define.ts';

// 快手小店 直播助手 / 中控 (zs.kwaixiaodian.com). DOM only: comments arrive as binary frames that
// the console decodes in minified code (the one public reader rewrites that JS, which we won't do).
// Selectors are substring matches on the console's kebab/camel class names.
export default defineSiteAdapter({
  id: 'kuaishou',
  name: { zh: '快手小店 直播中控', en: 'Kuaishou shop live console' },
  matches: ['https://zs.kwaixiaodian.com/*'],
  script: { box: ['textarea[placeholder*="脚本"]', '[class*="script"] textarea', '[class*="Script"] textarea'] },
  chat: {
    list: ['[class*="comment-list"]', '[class*="CommentList"]', '[class*="commentList"]', '[class*="barrage-list"]'],
    item: ['[class*="comment-item"]', '[class*="CommentItem"]', '[class*="commentItem"]', '[class*="barrage-item"]'],
    author: ['[class*="user-name"]', '[class*="userName"]', '[class*="nick"]'],
    text: ['[class*="comment-content"]', '[class*="commentContent"]', '[class*="content"]'],
  },
  product: { name: ['[class*="explaining"] [class*="title"]', '[class*="goods-card"][class*="active"] [class*="title"]'] },
});
