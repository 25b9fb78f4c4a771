import { defineSiteAdapter } from './define.ts';

// YouTube live chat. The chat is its own document (an iframe at /live_chat or /live_chat_replay on
// the watch page), so the content script runs in that frame (all_frames). Polymer custom elements
// have kept these tag names and ids for years.
export default defineSiteAdapter({
  id: 'youtube',
  name: { zh: 'YouTube 直播聊天', en: 'YouTube live chat' },
  matches: ['https://www.youtube.com/live_chat*'],
  chat: {
    list: ['yt-live-chat-item-list-renderer #items', '#items.yt-live-chat-item-list-renderer', '#chat #items'],
    // One selector, not two fallbacks: paid messages (Super Chat) are rows too, interleaved.
    item: ['yt-live-chat-text-message-renderer, yt-live-chat-paid-message-renderer'],
    author: ['#author-name'],
    text: ['#message'],
  },
});
