import { CHAT_MODEL_DATA } from '../data/chat-model.ts';
import { ChatModel } from './chat-model.ts';
import { readByRules } from './classify-rules.ts';
import { foldChat } from './fold.ts';
import type { ChatClass } from './kinds.ts';

// A message is read twice: by the hand-written cues (classify-rules.ts), then by the learned
// layer that weighs those cues with the message's own characters (chat-model.ts). A few
// microseconds each, so the panel keeps up with 200 messages a second.

let builtin: ChatModel | null | undefined;

const BARE_DIGITS = /^\d+$/;
const ONE_DIGIT_RUN = /^(\d)\1*$/;

/** The shipped chat model, decoded on first use (null when the build carries none). */
export function builtinChatModel(): ChatModel | null {
  if (builtin === undefined) builtin = CHAT_MODEL_DATA ? new ChatModel(CHAT_MODEL_DATA) : null;
  return builtin;
}

/** Kind and topic of one viewer message; `model: null` reads by the rules alone. */
export function classifyMessage(text: string, model: ChatModel | null = builtinChatModel()): ChatClass {
  const f = foldChat(text);
  const r = readByRules(f);
  // Numbers alone (2024, 165 110) are read by the rules: the model has learned 扣1 / 1111 as
  // purchases and would read any digits that way; a run of one digit is still its call.
  if (model && BARE_DIGITS.test(f.compact) && !ONE_DIGIT_RUN.test(f.compact)) return r.verdict;
  return model ? model.classify(f, r.cues) : r.verdict;
}

/** Classifies many messages; the result is index-aligned with the input. */
export function classifyMessages(texts: readonly string[], model: ChatModel | null = builtinChatModel()): ChatClass[] {
  const out = new Array<ChatClass>(texts.length);
  for (let i = 0; i < texts.length; i++) out[i] = classifyMessage(texts[i], model);
  return out;
}
