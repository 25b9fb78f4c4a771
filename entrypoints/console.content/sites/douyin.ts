import { defineSiteAdapter } from './define.ts';

// 抖音直播间 (live.douyin.com). DOM only: the room's socket carries gzip'd protobuf frames that need
// a schema we don't ship, and /webcast/im/fetch/ is protobuf too. The BEM-like `webcast-chatroom___`
// names have outlived several front-end builds; substring matches on them come next, and the
// hashed classes seen in 2025 userscripts (.NkS2Invn row, .v8LY0gZF name, .cL385mHb text) come last.
export default defineSiteAdapter({
  id: 'douyin',
  name: { zh: '抖音直播间', en: 'Douyin live room' },
  matches: ['https://live.douyin.com/*'],
  chat: {
    list: ['.webcast-chatroom___items', '[class*="chatroom___items"]', '.webcast-chatroom___list', '[class*="chatroom___list"]', '#chatroom'],
    item: ['.webcast-chatroom___item', '[class*="chatroom___item"]', '.NkS2Invn'],
    author: ['[class*="chatroom___nick"]', '.v8LY0gZF', '[class*="nickname"]'],
    text: ['.webcast-chatroom___content-with-emoji-text', '[class*="content-with-emoji-text"]', '.cL385mHb'],
  },
  product: { name: ['[data-e2e="live-product-card"] [class*="title"]', '[class*="ProductCard"] [class*="title"]', '[class*="product-card"] [class*="title"]'] },
});
