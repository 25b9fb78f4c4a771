import { useEffect } from 'preact/hooks';
import { ChatInsightsView } from '../../components/chat/ChatInsightsView.tsx';
import '../../components/chat/chat.css';
import type { Locale } from '../../components/i18n.ts';
import { insights, startInsights } from './chat-model.ts';
import { copyText } from './live-model.ts';

/** Connects the Chat tab to the background's chat insights. */
export function ChatTab({ locale }: { locale: Locale }) {
  useEffect(() => startInsights(), []);
  return <ChatInsightsView locale={locale} insights={insights.value} onCopy={copyText} />;
}
