// The two halves of network reading talk over window.postMessage, the only channel between the
// page's world (where fetch/XHR/WebSocket live) and the isolated content script. Shared constants
// only: the MAIN-world half must stay tiny and free of the extension's code.

/** tap (MAIN world) -> content script */
export const TAP_CHANNEL = 'livelint-tap';
/** content script -> tap */
export const TAP_CONTROL = 'livelint-tap-control';

/** Bodies larger than this are not relayed: comment polls are small, big bodies are page data. */
export const TAP_MAX_BODY = 2_000_000;

export interface TapHello {
  channel: typeof TAP_CHANNEL;
  kind: 'hello';
  token: string;
}
export interface TapBody {
  channel: typeof TAP_CHANNEL;
  kind: 'body';
  token: string;
  via: 'fetch' | 'xhr' | 'ws';
  url: string;
  body: string;
}
export interface TapControl {
  channel: typeof TAP_CONTROL;
  kind: 'ping' | 'config' | 'stop';
  token?: string;
  urls?: string[];
  sockets?: string[];
}
