import type { ChatItem } from './types.ts';
import { defineSiteAdapter } from './define.ts';

// Twitch chat (channel page and popout). `data-a-target` / `data-test-selector` are Twitch's own
// test hooks. Network first: chat arrives as IRC text frames on irc-ws.chat.twitch.tv, which carry
// the display name and send time in IRCv3 tags.

/** Reads PRIVMSG lines of one IRC frame (a frame may hold several lines). */
export function parseIrc(frame: string): ChatItem[] {
  const out: ChatItem[] = [];
  for (const line of frame.split('\r\n')) {
    const m = /^(?:@(\S+) )?:([^!\s]+)\S* PRIVMSG #\S+ :(.*)$/.exec(line);
    if (!m) continue;
    const tags = new Map((m[1] ?? '').split(';').map((kv) => kv.split('=') as [string, string]));
    const author = (tags.get('display-name') || m[2]).replace(/\\s/g, ' ');
    const sent = Number(tags.get('tmi-sent-ts'));
    const text = m[3].replace(/^\u0001ACTION (.*)\u0001$/, '$1').trim();
    if (text) out.push(Number.isFinite(sent) && sent > 0 ? { author, text, at: sent } : { author, text });
  }
  return out;
}

export default defineSiteAdapter({
  id: 'twitch',
  name: { zh: 'Twitch 聊天', en: 'Twitch chat' },
  matches: ['https://www.twitch.tv/*'],
  chat: {
    list: ['[data-test-selector="chat-scrollable-area__message-container"]', '.chat-scrollable-area__message-container', '[role="log"]'],
    item: ['[data-a-target="chat-line-message"]', '.chat-line__message'],
    author: ['[data-a-target="chat-message-username"]', '.chat-author__display-name'],
    text: ['[data-a-target="chat-line-message-body"]', '[data-a-target="chat-message-text"]', '.message'],
  },
  network: { sockets: ['irc-ws.chat.twitch.tv'], parse: (_url, body) => parseIrc(body) },
});
