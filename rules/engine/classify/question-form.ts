import type { FoldedChat } from './fold.ts';

// Chat questions rarely carry a '?'. They are recognised by structure: a clause-final particle
// (吗/呢/么/不/没), a wh-word (什么/哪/几/多少/怎么), an A-not-A pair (好不好, 有没有, 是不是)
// or an alternative (A还是B). Word lists stay short and structural so unseen messages generalise.

const CLAUSE_SPLIT = /[^\p{L}\p{N}]+/u;
const FINAL_PARTICLE = /(吗|嘛|么|呢|不|没|没有|否|木有)$/;
// 吧 is also a tag question (比别家的好吧) but just as often a suggestion (冲吧), so only the
// risky-question test counts it.
const FINAL_TAG = /吧$/;

const WH = new RegExp(
  [
    '(?<!没|没有)什么',
    '啥',
    '哪(?!怕)',
    '(?<![好十])几(?![十百千万乎])',
    '多少',
    '多[大长久重高宽厚深远]',
    '(?<![不没])怎么',
    '咋',
    '如何',
    '为何',
    '谁',
    '干嘛|干啥|嘛用',
    '能否|是否|可否',
    // A-not-A: 好不好, 有没有, 是不是, 能不能, 合不合适.
    '([\\u4e00-\\u9fff])[不没]\\1',
    // A还是B, but not 还是很好看 / 还是算了 (still, rather).
    '还是(?![很挺太蛮那不算好可喜买拍觉]|一样|一直)',
    '请问|问一下|问下|想问|求问|想知道|有人知道|求推荐|推荐一下|求解',
  ].join('|'),
);

export interface QuestionForm {
  /** The message asks something. */
  question: boolean;
  /** Asks, or ends a clause with a tag 吧 (比别家的好吧). */
  tagged: boolean;
}

// English wh-words need word boundaries, which only the spaced text keeps.
const WH_EN = /\b(?:how|what|which|when|where|why)\b/;

export function questionForm(f: FoldedChat): QuestionForm {
  let question = f.text.includes('?') || WH.test(f.compact) || WH_EN.test(f.text);
  let tagged = false;
  if (!question) {
    for (const clause of f.text.split(CLAUSE_SPLIT)) {
      if (!clause) continue;
      if (FINAL_PARTICLE.test(clause)) {
        question = true;
        break;
      }
      if (FINAL_TAG.test(clause)) tagged = true;
    }
  }
  return { question, tagged: question || tagged };
}

// A question about the stream or the host rather than the goods (几点下播, 背景音乐是什么歌).
const OFF_TOPIC = new RegExp(
  [
    '直播(?!间)|休息|下播|开播|下班|上班|几点结束|播到|播多久|几点播|还播|直播间在哪|在哪直播',
    '歌|音乐|bgm|唱',
    '天气|吃饭|吃了吗|睡觉|几点了|今天几号|星期几|周几',
    '几岁|多大了|年龄|哪里人|哪儿人|哪人|老家|哪个城市|在哪个城市',
    '结婚|对象|男朋友|女朋友|男票|女票|老公|老婆|单身|名字|叫什么名|叫啥',
    '抽奖|中奖|开奖|福袋(?:什么时候|几点|开|呢)|粉丝团|灯牌|等级|(?:你|主播)是?(?:哪里|哪儿|哪)的?$',
    '人呢|去哪了|去哪儿了|在吗|在不在|有人(?!买|用|穿|吃|试)|一起|讲到|说到哪|刚来|开始',
    '滤镜|美颜|主播呢|主播(?:是|在)[\\u4e00-\\u9fff]{2,3}(?:人|的)?吗',
  ].join('|'),
);

// Words that tie a question to the goods even when no topic is named (这件是几号, 有黑色吗).
const PRODUCT_REF =
  /这个|这款|这件|这套|这双|这条|这种|这瓶|这盒|这包|这支|那个|那款|链接|号链|款|颜色|色|货|宝贝|东西|衣服|裤|裙|鞋|外套|上衣|身上|手上|产品|商品|牌子|品牌|上架|返场|库存/;

export function isOffTopic(f: FoldedChat): boolean {
  return OFF_TOPIC.test(f.compact) && !PRODUCT_REF.test(f.compact);
}

// Asking the host to show or demonstrate (蓝色那个再看看, 试穿一下): a question to answer on camera.
const REQUEST = /(?<!我|去)(?:看看|看一下|看下|展示一下|试穿|试一下|试下|拿近|近一点|转一圈|上身|讲讲|讲一下|介绍一下)/;

const ADDRESSED = /主播|给我们?|能不能|可以|麻烦|帮/;

export function isRequest(f: FoldedChat): boolean {
  // 再看看吧 / 来看看 is the viewer looking; a request names the thing or addresses the host.
  return REQUEST.test(f.compact) && (PRODUCT_REF.test(f.compact) || ADDRESSED.test(f.compact));
}
