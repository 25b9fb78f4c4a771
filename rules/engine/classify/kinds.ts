import { z } from 'zod';

// The vocabulary the side panel groups viewer chat by. Topic labels are the Chinese words the
// evaluation sets use (../shared/eval/dev-chat.jsonl), so they double as display text in zh-CN.

export const CHAT_KINDS = [
  'question',
  'purchase',
  'complaint',
  'risky-question',
  'off-platform',
  'spam',
  'other',
] as const;

export const CHAT_TOPICS = ['尺码', '材质', '发货', '价格', '功效', '售后', '使用方法', ''] as const;

export const chatKindSchema = z.enum(CHAT_KINDS);
export const chatTopicSchema = z.enum(CHAT_TOPICS);

export type ChatKind = (typeof CHAT_KINDS)[number];
export type ChatTopic = (typeof CHAT_TOPICS)[number];

export interface ChatClass {
  kind: ChatKind;
  topic: ChatTopic;
}

/** English labels for the topics, for the en locale of the panel. */
export const CHAT_TOPIC_EN: Record<ChatTopic, string> = {
  尺码: 'size',
  材质: 'material',
  发货: 'shipping',
  价格: 'price',
  功效: 'efficacy',
  售后: 'after-sales',
  使用方法: 'how to use',
  '': 'general',
};
