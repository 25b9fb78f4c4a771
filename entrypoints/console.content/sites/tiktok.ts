import { defineSiteAdapter } from './define.ts';

// TikTok LIVE (www.tiktok.com/@user/live). DOM only (the webcast socket is binary protobuf).
// `data-e2e` attributes are TikTok's own test hooks and have outlived every emotion-hash change;
// `[class*="-DivChatMessage"]` style substrings of the emotion component names come next.
export default defineSiteAdapter({
  id: 'tiktok',
  name: { zh: 'TikTok 直播', en: 'TikTok LIVE' },
  matches: ['https://www.tiktok.com/*'],
  paths: /^\/@[^/]+\/live(?:\/|$)/,
  chat: {
    list: ['[data-e2e="chat-room"]', '[class*="DivChatMessageList"]', '[class*="DivChatRoomContent"]'],
    item: ['[data-e2e="chat-message"]', '[class*="DivChatMessage"]'],
    author: ['[data-e2e="message-owner-name"]', '[class*="SpanNickName"]'],
    text: ['[data-e2e="chat-message-text"]', '[class*="DivComment"]', '[class*="DivChatMessageContent"] > div:last-child'],
  },
  product: { name: ['[data-e2e="live-product-card"] [class*="Title"]', '[class*="DivProductCard"] [class*="Title"]'] },
});
