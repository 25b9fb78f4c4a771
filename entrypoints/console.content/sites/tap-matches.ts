// Pages where the MAIN-world network tap is injected: only consoles whose adapter has a network
// reader (a unit test keeps this list equal to the adapters'), so ordinary pages never get their
// fetch wrapped. Kept as plain data because the tap's bundle must not pull in adapter code.
export const TAP_MATCHES = [
  'https://buyin.jinritemai.com/*',
  'https://fxg.jinritemai.com/*',
  'https://liveplatform.taobao.com/*',
  'https://channels.weixin.qq.com/*',
  'https://www.twitch.tv/*',
  'http://127.0.0.1/*',
  'http://localhost/*',
];
