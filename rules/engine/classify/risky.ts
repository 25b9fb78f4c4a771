import type { ChatTopic } from './kinds.ts';
import { mentionsPrice } from './topic.ts';

// Questions a host must not answer with the claim they invite: cure and disease (广告法 §16–17,
// 食品安全法 §73), absolute or lowest price (广告法 §9(3), 价格法 §14), guaranteed effect, use by
// pregnant women, babies and patients, false scarcity (pressure tactics) and running down a
// competitor (反不正当竞争法 §11). Each group knows the topic it belongs to.

const alt = (parts: string[]) => parts.join('|');

const PRICE = alt([
  '全网.{0,6}(?:最|第一|独家)|最便宜|最低价|最低(?:了|的|吗|吧|$)|史低|史上最|历史最低|底价|最划算|最实惠|独家',
  '比(?!刚才|刚刚|上一个|那个|这个|那款|这款|昨天|上次|之前|平时|原价).{1,8}?(?:便宜|划算|实惠)',
  '(?:以后|之后|明天|下次|过几天|双十一|双11|618).{0,4}(?:更便宜|便宜|降价|涨价|原价)',
  '会不会?(?:涨价|降价|更便宜)|涨价吗|降价吗|恢复原价',
]);

const EFFICACY = alt([
  // Cure words and the conditions viewers ask about.
  '治|疗效|药效|痊愈|康复',
  '湿疹|皮炎|银屑|牛皮癣|痤疮|痘|粉刺|黄褐斑|雀斑|色斑|失眠|便秘|胃病|胃炎|胃痛|肝|肾|心脏|心脑|血管|血糖|血压|血脂|尿酸|痛风|糖尿|三高',
  '癌|肿瘤|结节|囊肿|增生|炎(?!热)|感冒|咳嗽|哮喘|关节|风湿|骨质|颈椎|腰椎|痛经|头疼|头痛|腰疼|腰痛|牙疼|牙痛|上火|口臭|狐臭|脚气|灰指甲',
  '专注|(?:提高|增强|提升|改善|促进)[\\u4e00-\\u9fff]{0,3}力|(?:力|能力)(?:提高|增强|提升)|发育|消化|代谢|辐射|蓝光|降火|去火|清火|败火|疗程|(?:掉|脱|生|长)头?发|变(?:好|白|瘦|年轻|漂亮|美|嫩|聪明|高)|妊娠|(?:妊娠|肥胖|生长)纹|消除|抵抗力|(?:增强|提高|改善)体质|增强(?!版|型)|胃(?!口)|眼睛|伤眼|睡眠|入睡|睡好|睡得好|补钙|补铁|补锌|补血|气血|反弹|发胖|长胖|会胖|不胖|长肉|白几|变白|矫正|驼背|足弓|扁平足|脊柱|侧弯|溃疡|贫血|甲状腺|乳腺|结石|荨麻疹|白癜风|中风|脑梗|心梗|冠心病|静脉曲张|不孕|不育|弱视|白内障|青光眼|老花|耳鸣|扁桃体|牙周|蛀牙|龋齿|发烧|发热|退烧|退热|头晕|骨折|椎间盘|腱鞘|水肿|浮肿|消肿|宫寒|卵巢|子宫|胆固醇|螨虫|疱疹|真菌|霉菌|癣|多汗|斑秃|眼袋|黑眼圈|痔疮|妇科|月经|更年期|前列腺|阳痿|早泄|肥胖|抑郁|焦虑|痴呆|病毒|细菌|幽门|(?<!毛)病|疾|瘙痒|疤|红血丝|皱纹',
  // Claims that are special-use (cosmetics) or forbidden (food, health food).
  '美白|祛斑|淡斑|去斑|祛痘|去痘|去皱|抗皱|除皱|抗衰|抗老|逆龄|冻龄|减肥|瘦身|燃脂|掉秤|刮油|排油|能瘦|瘦几|丰胸|增高|长高|长个',
  '长(?:睫毛|眉毛|头发)|(?:睫毛|眉毛|头发).{0,4}(?:长|多|密)|长出来|发际线|秃|掉发|生发|育发|防脱|固发|乌发|白发|脱发|助眠|安神|排毒|养颜|补肾|壮阳|护肝|养肝|解酒|醒酒|养胃|护胃|降糖|控糖|稳糖|降压|降脂|升糖',
  '免疫|抗病毒|杀菌|抑菌|除菌|止痒|止咳|补脑|健脑|益智|成绩|记忆力|聪明|智力|注意力|护眼|明目|近视|视力|调理|改善|祛湿|湿气|排湿',
  // Safety and medical use.
  // Any benefit to the body or health asked about invites a health claim (对眼睛好吗, 有什么好处).
  '对[\\u4e00-\\u9fff]{1,4}(?:好|有用|有帮助|有好处|有效|有益|有害)|好处|益处|缓解|好转|多久能好|能好吗|会好吗',
  '激素|副作用|依赖|上瘾|成瘾|耐药|伤身|有害|危害|对身体|安全吗|安不安全|医用|医疗|医院|医生|药(?!妆)|处方',
  // Guaranteed or absolute effect.
  '保证(?:有效|效果|能|会|不|一定|瘦|白|好|治)|(?:百分百|100%|绝对|一定|肯定|包)(?:能|会)?(?:有效|管用|见效|瘦|白|治|好用|有用)|不过敏|零刺激|无刺激',
  '多久见效|几天见效|多久能见效|多久有效果|见效快|立竿见影|马上见效|立刻见效|永久|一辈子|终身|彻底|根除|不反弹|无效.{0,2}退|没效果.{0,2}退',
  '零添加|无添加|纯天然|无激素|没激素|有机|母乳|祖传|秘方|古方|医美|整形|无痛|无创|永久脱毛|养生|解乏|解压|开车',
  // Outcomes no seller may promise: exams and investments (广告法 §24, §25).
  '考试|高分|分数|升学|保过|包过|提分|考上|通过率|押题|保录取|包就业|升值|保值|保本|稳赚|收益|回报|翻倍|理财|赚钱吗|能赚',
  // Pregnancy and nursing: any question about them invites a safety claim, unless it is about
  // wearing (孕妇能穿吗 is a fit question).
  '(?:孕妇|孕期|怀孕|备孕|哺乳|喂奶|月子)(?!.*(?:穿|戴|码|装|裤|裙|衣|鞋|枕))',
  // Infants, children, elderly, patients: only when asking whether they can take or apply it
  // (婴儿车能折叠吗 and 小孩能穿吗 are not).
  '(?:婴儿|新生儿|婴幼儿|宝宝|儿童|小孩|孩子|小朋友|老人|老年人|病人|患者|术后|手术|生病|化疗|体弱|\\d+岁|[一二两三四五六七八九十]岁|几个月|\\d+个月).{0,8}?(?:能|可以|可不可以|能不能|适合|适不适合)(?:吃|喝|用|服|涂|抹|擦|泡)',
  '(?:能|可以|适合)给?.{0,4}(?:婴儿|宝宝|儿童|小孩|孩子|小朋友|老人|病人|岁|个月).{0,2}(?:吃|喝|用|涂|抹|服)',
]);

// Endorsements, certificates and restricted goods a host must not vouch for (广告法 §9(2), §11,
// §12, §22, §38; superstition §9(8)).
const ENDORSED = alt([
  '特供|专供|内供|国宴|人民大会堂|部队|军用|军工|央视|cctv|国家认证|官方认证|国家推荐|国家级|政府|专利|临床|有效率|治愈率|获奖',
  '明星(?:同款|都在用|用的|推荐)|医生推荐|专家推荐|开过?光|转运|招财|辟邪|旺夫|保平安|风水|镇宅|电子烟|烟弹|香烟',
]);

const SCARCITY = alt([
  '最后(?:一|两|几|\\d)?(?:批|波|轮|次|天|单|件|点|\\d)|(?:以后|下次|之后)还?(?:有|卖|会有|能买)|还会再有',
  '(?:以后|下次|之后|明天|过了今天).{0,3}(?:没|不会有)|(?:不|不会|不再)(?:补货|补了|返场|上了|卖了|生产)|卖完就没|卖完为止|快没了|快抢完|快卖完|就剩|只剩|还剩几|还有几(?:单|件|个|份)|只有今天|今天之后|过了今天|就这一次|仅此一次|绝版|限量|错过.{0,4}没|真的只有|真的是最后',
]);

const COMPETITOR = alt([
  '智商税|吊打|碾压|完爆|平替|同厂|代工厂|一个厂',
  '比(?!刚才|刚刚|上一个|那个|这个|那款|这款|上次|之前).{1,8}?(?:好|强|棒|准|有效|值|厉害|差|白|亮)',
  '(?:别家|别人家|其他家|其它家|外面|别的直播间|他们家|他家|(?:别的|其他|其它)(?:品牌|牌子|家|产品)).{0,10}(?:假|差|垃圾|不行|不好|智商税|坑|狠活|有毒|不安全)',
  '狠活',
  // Absolute terms a host must not confirm (国内第一品牌, 最好的).
  '第一(?!次|天|件|个|批|步|单|回|波)|no1|最(?:好的|好用|好吃|好喝|强|牛|棒|正宗|有效|安全|健康|天然|顶|优|佳|专业|先进|高级)|顶级|极品|王牌|国家级|世界级|唯一',
  '(?:和|跟|与).{1,8}比(?:哪个|怎么样|谁)|哪家(?:好|强)',
]);

const RISKY = new RegExp(
  `(?<price>${PRICE})|(?<efficacy>${EFFICACY})|(?<endorsed>${ENDORSED})|(?<scarcity>${SCARCITY})|(?<rival>${COMPETITOR})`,
);

// Said as a statement these still put the claim on the table (全网最便宜了吧, 能治湿疹).
const STRONG = /治疗|治好|根治|能治|全网最|最便宜|最低价|史低|智商税|吊打|最后一批/;

// Backstop for conditions and claims no list can name: a question about taking or applying the
// product, or about the body, that asks whether it can change something (吃了能降火吗, 泡脚能去
// 湿气吗, 会不会长胖).
const HEALTH_CONTEXT =
  /吃|喝|服用|涂|抹|擦|敷|泡脚|贴|身体|皮肤|头发|头皮|脸|眼|牙|口腔|喉|嗓子|胃|肠|肝|肾|心|脑|血|骨|关节|腰|颈|睡|孩子|宝宝|小孩|老人|孕|体重|体质|精神|气色/;
const CHANGE =
  /(?:能|可以|会|有助于?|帮助|可不可以|能不能|会不会)(?:治|防|预防|抗|降|升|消|去|祛|除|减|瘦|补|养|护|改善|缓解|调理|修复|淡化|提高|增强|恢复|长|变|美白|排|清|通|助)/;

/**
 * The topic of a risky question, or null when the message is not one. `asks` says whether the
 * message has question form (a tag 吧 counts: 比别家的好吧).
 */
export function riskyTopic(compact: string, asks: boolean): ChatTopic | null {
  if (!asks && !STRONG.test(compact)) return null;
  const m = RISKY.exec(compact);
  if (!m?.groups) return asks && CHANGE.test(compact) && HEALTH_CONTEXT.test(compact) ? '功效' : null;
  if (m.groups.price !== undefined) return '价格';
  if (m.groups.efficacy !== undefined) return '功效';
  // Endorsements, scarcity and rivals have no topic of their own unless the price is what is asked about
  // (这个价以后还有吗); 以后还有吗 is not a stock question here.
  return mentionsPrice(compact) ? '价格' : '';
}
