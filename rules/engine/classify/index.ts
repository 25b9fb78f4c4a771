export { builtinChatModel, classifyMessage, classifyMessages } from './classify.ts';
export { ChatModel, chatModelSchema, type ChatModelData } from './chat-model.ts';
export { CHAT_KINDS, CHAT_TOPICS, CHAT_TOPIC_EN, chatKindSchema, chatTopicSchema } from './kinds.ts';
export type { ChatClass, ChatKind, ChatTopic } from './kinds.ts';
