import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions stay minimal: the listed consoles come from the content script's matches;
// other sites are requested at runtime when the user picks them (optional_host_permissions).
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'LiveLint 直播话术体检',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'contextMenus', 'alarms', 'activeTab', 'scripting', 'unlimitedStorage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'LiveLint' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'livelint@livelint.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
