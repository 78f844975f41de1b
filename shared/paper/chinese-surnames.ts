/**
 * Chinese surnames and their pinyin: enough to split a romanised name and to tell that 张伟 and "Wei
 * Zhang" name the same person. Browser-safe data and lookups only.
 */

/** The commonest single-character surnames, most frequent first (the order breaks ties between readings). */
const SINGLE_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'],
  ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'],
  ['夏', 'xia'], ['韦', 'wei'], ['付', 'fu'], ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'],
  ['熊', 'xiong'], ['秦', 'qin'], ['邱', 'qiu'], ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['闫', 'yan'],
  ['段', 'duan'], ['雷', 'lei'], ['侯', 'hou'], ['龙', 'long'], ['史', 'shi'], ['陶', 'tao'], ['黎', 'li'],
  ['贺', 'he'], ['顾', 'gu'], ['毛', 'mao'], ['郝', 'hao'], ['龚', 'gong'], ['邵', 'shao'], ['万', 'wan'],
  ['钱', 'qian'], ['严', 'yan'], ['覃', 'qin'], ['武', 'wu'], ['戴', 'dai'], ['莫', 'mo'], ['孔', 'kong'],
  ['向', 'xiang'], ['汤', 'tang'], ['常', 'chang'], ['温', 'wen'], ['康', 'kang'], ['施', 'shi'], ['文', 'wen'],
  ['牛', 'niu'], ['樊', 'fan'], ['葛', 'ge'], ['邢', 'xing'], ['安', 'an'], ['齐', 'qi'], ['易', 'yi'],
  ['乔', 'qiao'], ['伍', 'wu'], ['庞', 'pang'], ['颜', 'yan'], ['倪', 'ni'], ['庄', 'zhuang'], ['聂', 'nie'],
  ['章', 'zhang'], ['鲁', 'lu'], ['岳', 'yue'], ['翟', 'zhai'], ['殷', 'yin'], ['詹', 'zhan'], ['申', 'shen'],
  ['欧', 'ou'], ['耿', 'geng'], ['关', 'guan'], ['兰', 'lan'], ['焦', 'jiao'], ['俞', 'yu'], ['左', 'zuo'],
  ['柳', 'liu'], ['甘', 'gan'], ['祝', 'zhu'], ['包', 'bao'], ['宁', 'ning'], ['尚', 'shang'], ['符', 'fu'],
  ['舒', 'shu'], ['阮', 'ruan'], ['柯', 'ke'], ['纪', 'ji'], ['梅', 'mei'], ['童', 'tong'], ['凌', 'ling'],
  ['毕', 'bi'], ['单', 'shan'], ['季', 'ji'], ['裴', 'pei'], ['霍', 'huo'], ['涂', 'tu'], ['成', 'cheng'],
  ['苗', 'miao'], ['谷', 'gu'], ['盛', 'sheng'], ['曲', 'qu'], ['翁', 'weng'], ['冉', 'ran'], ['骆', 'luo'],
  ['蓝', 'lan'], ['路', 'lu'], ['游', 'you'], ['辛', 'xin'], ['靳', 'jin'], ['管', 'guan'], ['柴', 'chai'],
  ['蒙', 'meng'], ['鲍', 'bao'], ['华', 'hua'], ['喻', 'yu'], ['祁', 'qi'], ['蒲', 'pu'], ['房', 'fang'],
  ['滕', 'teng'], ['屈', 'qu'], ['饶', 'rao'], ['解', 'xie'], ['牟', 'mou'], ['艾', 'ai'], ['尤', 'you'],
  ['阳', 'yang'], ['时', 'shi'], ['穆', 'mu'], ['司', 'si'], ['卓', 'zhuo'], ['古', 'gu'], ['吉', 'ji'],
  ['缪', 'miao'], ['简', 'jian'], ['车', 'che'], ['项', 'xiang'], ['连', 'lian'], ['褚', 'chu'], ['娄', 'lou'],
  ['窦', 'dou'], ['戚', 'qi'], ['岑', 'cen'], ['景', 'jing'], ['党', 'dang'], ['宫', 'gong'], ['费', 'fei'],
  ['卜', 'bu'], ['冷', 'leng'], ['晏', 'yan'], ['席', 'xi'], ['卫', 'wei'], ['米', 'mi'], ['柏', 'bai'],
  ['宗', 'zong'], ['桂', 'gui'], ['全', 'quan'], ['佟', 'tong'], ['应', 'ying'], ['臧', 'zang'], ['闵', 'min'],
  ['边', 'bian'], ['卞', 'bian'], ['姬', 'ji'], ['师', 'shi'], ['栾', 'luan'], ['隋', 'sui'], ['商', 'shang'],
  ['沙', 'sha'], ['荣', 'rong'], ['郎', 'lang'], ['甄', 'zhen'], ['仲', 'zhong'], ['虞', 'yu'], ['明', 'ming'],
  ['池', 'chi'], ['查', 'zha'], ['迟', 'chi'], ['鞠', 'ju'], ['惠', 'hui'], ['冀', 'ji'], ['郁', 'yu'],
  ['南', 'nan'], ['楚', 'chu'], ['燕', 'yan'], ['蔺', 'lin'], ['楼', 'lou'], ['闻', 'wen'], ['强', 'qiang'],
  ['朴', 'piao'], ['井', 'jing'], ['云', 'yun'], ['容', 'rong'], ['来', 'lai'], ['鹿', 'lu'], ['诸', 'zhu'],
];

/** Two-character surnames (欧阳修 is Ouyang Xiu, not Ou Yangxiu), in both simplified and traditional script. */
const COMPOUND_SURNAMES: readonly (readonly [string, string])[] = [
  ['欧阳', 'ouyang'], ['歐陽', 'ouyang'], ['司马', 'sima'], ['司馬', 'sima'], ['上官', 'shangguan'],
  ['诸葛', 'zhuge'], ['諸葛', 'zhuge'], ['东方', 'dongfang'], ['東方', 'dongfang'], ['皇甫', 'huangfu'],
  ['尉迟', 'yuchi'], ['尉遲', 'yuchi'], ['公孙', 'gongsun'], ['公孫', 'gongsun'], ['慕容', 'murong'],
  ['长孙', 'zhangsun'], ['長孫', 'zhangsun'], ['宇文', 'yuwen'], ['司徒', 'situ'], ['夏侯', 'xiahou'],
  ['轩辕', 'xuanyuan'], ['軒轅', 'xuanyuan'], ['令狐', 'linghu'], ['端木', 'duanmu'], ['独孤', 'dugu'],
  ['獨孤', 'dugu'], ['南宫', 'nangong'], ['南宮', 'nangong'], ['西门', 'ximen'], ['西門', 'ximen'],
  ['呼延', 'huyan'], ['申屠', 'shentu'], ['百里', 'baili'], ['东郭', 'dongguo'], ['東郭', 'dongguo'],
  ['太史', 'taishi'], ['澹台', 'tantai'], ['公羊', 'gongyang'], ['闻人', 'wenren'], ['聞人', 'wenren'],
  ['万俟', 'moqi'], ['萬俟', 'moqi'], ['钟离', 'zhongli'], ['鍾離', 'zhongli'], ['宗政', 'zongzheng'],
  ['濮阳', 'puyang'], ['濮陽', 'puyang'], ['淳于', 'chunyu'], ['单于', 'chanyu'], ['單于', 'chanyu'],
  ['赫连', 'helian'], ['赫連', 'helian'], ['拓跋', 'tuoba'], ['司空', 'sikong'], ['左丘', 'zuoqiu'],
  ['公冶', 'gongye'], ['谷梁', 'guliang'], ['鲜于', 'xianyu'], ['鮮于', 'xianyu'], ['闾丘', 'lvqiu'],
  ['閭丘', 'lvqiu'], ['亓官', 'qiguan'], ['司寇', 'sikou'], ['羊舌', 'yangshe'], ['微生', 'weisheng'],
  ['梁丘', 'liangqiu'], ['漆雕', 'qidiao'], ['乐正', 'yuezheng'], ['樂正', 'yuezheng'], ['巫马', 'wuma'],
  ['巫馬', 'wuma'], ['公西', 'gongxi'], ['颛孙', 'zhuansun'], ['顓孫', 'zhuansun'], ['第五', 'diwu'],
];

const PINYIN_BY_SURNAME = new Map([...SINGLE_SURNAMES, ...COMPOUND_SURNAMES]);
const SURNAME_RANK = new Map<string, number>();
for (const [index, [, pinyin]] of SINGLE_SURNAMES.entries()) if (!SURNAME_RANK.has(pinyin)) SURNAME_RANK.set(pinyin, index);
const COMPOUND_PINYIN = new Set(COMPOUND_SURNAMES.map(([, pinyin]) => pinyin));

/** The two-character surnames, in Chinese script, that a name like 欧阳修 starts with. */
export const CHINESE_COMPOUND_SURNAMES: ReadonlySet<string> = new Set(COMPOUND_SURNAMES.map(([hanzi]) => hanzi));

/** The pinyin of a Chinese surname in Chinese script, lower-case without tones ("欧阳" → "ouyang"), or null. */
export function surnamePinyin(surname: string): string | null {
  return PINYIN_BY_SURNAME.get(surname) ?? null;
}

/**
 * How common a romanised surname is: 0 for the commonest (Wang), larger for rarer ones, and -1 for a
 * compound surname, which is certainly a surname wherever it stands; null when it is not a known surname.
 * `word` may be in any case and hyphenated or not.
 */
export function pinyinSurnameRank(word: string): number | null {
  const key = plainPinyin(word);
  if (COMPOUND_PINYIN.has(key)) return -1;
  return SURNAME_RANK.get(key) ?? null;
}

/** A romanised word as the tables hold it: lower-case, without hyphens, apostrophes, tone marks or ü. */
export function plainPinyin(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]/g, '');
}

const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])';
const FINAL =
  '(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ui|ve|er|a|o|e|i|u|v)';
// A syllable after the first needs an initial unless a hyphen or apostrophe sets it apart ("Xi'an").
const PINYIN_WORD = new RegExp(`^${INITIAL}?${FINAL}(?:-?${INITIAL}${FINAL}|[-']${FINAL}){0,2}$`);

/** Whether `word` reads as one to three pinyin syllables ("Wei", "Xiaoming", "Na-Na"), so may be a Chinese name. */
export function isPinyinWord(word: string): boolean {
  const spelled = word.normalize('NFD').replace(/\u0308/g, 'v').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
  return spelled.length >= 2 && PINYIN_WORD.test(spelled);
}
