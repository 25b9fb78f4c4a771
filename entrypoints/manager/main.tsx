import { render } from 'preact';
import '../../components/panel.css';
import { ManagerApp } from './ManagerApp.tsx';

// The pack manager as a full tab (manager.html). `?lang=en` opens it in English.
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
render(<ManagerApp initialLocale={lang} />, document.getElementById('app')!);
