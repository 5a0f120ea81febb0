// Text normalization shared by the search index (scripts/build-search.ts) and the search itself:
// NFKC (full-width letters and digits, compatibility forms), lower case, punctuation dropped (so
// 枫彩南岸平台 finds “枫”彩南岸平台), and traditional Chinese characters folded to simplified, so
// 督導體制 in a source is found by 督导体制 and the reverse.
//
// The fold table is a hand-kept list of common one-to-one traditional → simplified pairs (policy
// and education vocabulary, and every traditional character that occurs in content/, which the
// unit test checks). A full converter such as opencc-js ships dictionaries of several hundred KB,
// word-level rules the index does not need, and would have to be sent to the browser with the
// search; a character fold of a few hundred pairs costs about 1 KB.

const pairs =
  '導导體体學学員员會会區区實实義义務务們们這这個个來来時时為为爲为國国發发經经與与對对於于後后過过還还進进問问題题' +
  '長长開开關关係系點点種种現现將将從从質质準准標标規规劃划機机構构門门縣县鄉乡鎮镇歲岁級级類类資资財财費费貧贫' +
  '獎奖勵励懲惩責责評评價价監监測测報报檢检驗验證证據据議议論论課课語语說说讀读書书寫写認认識识講讲話话記记計计' +
  '設设訂订訓训練练師师範范聽听視视覺觉觀观親亲顯显頭头願愿顧顾領领預预頒颁順顺項项須须額额風风飯饭館馆馬马齡龄' +
  '齊齐龍龙東东車车軍军輕轻較较輔辅輪轮農农運运達达遠远適适選选遺遗邊边鄰邻醫医針针鐵铁錄录鍵键閉闭間间閱阅陳陈' +
  '陸陆陽阳隊队階阶際际隨随險险雙双雜杂雖虽難难電电靜静響响頁页傳传備备僅仅優优兒儿內内兩两冊册動动勞劳勢势協协' +
  '單单衛卫參参變变號号嚴严團团園园圖图圍围場场壞坏壓压處处夠够奪夺奮奋婦妇孫孙寧宁審审寬宽專专尋寻屆届屬属帶带' +
  '幫帮幹干廣广應应廳厅張张強强當当彙汇態态總总慮虑憲宪戰战戶户擇择擔担擴扩攜携敗败數数斷断條条樣样樹树橋桥權权' +
  '歡欢歷历歸归殘残氣气況况沒没溝沟減减滿满濟济營营無无燈灯爭争爾尔牆墙狀状獨独環环產产畫画療疗盡尽盤盘確确礎础' +
  '禮礼離离稱称穩稳積积競竞筆笔節节築筑簡简籌筹紀纪約约納纳純纯紙纸組组結结統统絡络給给綜综綠绿維维網网緊紧線线' +
  '綫线編编緣缘績绩織织繫系續续罰罚習习聯联聲声職职肅肃腦脑臨临舉举舊旧藝艺華华萬万葉叶蘭兰衝冲補补製制複复復复' +
  '見见覽览觸触討讨託托許许訪访試试詢询該该詳详誠诚誤误調调談谈請请諮咨謀谋護护讓让負负貢贡貫贯購购貸贷賀贺賦赋' +
  '賴赖賽赛贊赞趨趋跡迹蹤踪軟软載载輯辑轉转辦办辭辞邁迈郵邮釋释錯错鑒鉴鑑鉴閩闽闡阐陰阴隱隐雲云頂顶頓顿頻频顏颜' +
  '飲饮養养餘余驅驱驟骤髮发鬥斗魯鲁鳥鸟麼么黨党齒齿併并並并倫伦偉伟側侧傷伤儀仪億亿償偿創创劇剧勁劲勝胜卻却厲厉' +
  '啟启喚唤嗎吗圓圆執执堅坚塊块壇坛壯壮奧奥娛娱嬰婴寶宝層层幣币廠厂廢废彈弹徑径徵征惡恶愛爱慣惯憑凭憶忆懷怀懸悬' +
  '戲戏掃扫掛挂採采揚扬換换損损擁拥擊击擬拟擾扰攝摄敘叙暫暂曆历棄弃楊杨業业榮荣樂乐樓楼檔档歐欧殺杀毀毁淨净溫温' +
  '滅灭滬沪漢汉漸渐潔洁澤泽濃浓災灾煙烟熱热燒烧牽牵獲获畢毕異异疊叠碼码窮穷籃篮糧粮糾纠紅红細细終终紹绍緒绪縮缩' +
  '繼继罷罢聞闻聖圣脫脱腳脚膽胆臺台艱艰藥药蘇苏蟲虫術术裝装裡里裏里襲袭訊讯診诊詞词誌志誰谁諾诺謝谢譯译貨货販贩' +
  '貴贵買买賓宾賠赔賣卖賬账贏赢趕赶軌轨輸输連连週周遊游遞递遷迁遲迟鄭郑銀银銷销鋼钢錢钱鍛锻鎖锁鏈链鐘钟閃闪閒闲' +
  '閣阁闊阔陣阵隻只雞鸡霧雾靈灵韌韧頑顽頗颇飄飘飽饱駐驻騎骑驚惊鬆松魚鱼鮮鲜麥麦黃黄綱纲彌弥邏逻眾众衆众夥伙佈布' +
  '檯台颱台隸隶覈核査查羣群峯峰僞伪証证';

/** Traditional → simplified, one character each. */
export const foldTable: ReadonlyMap<string, string> = new Map(
  Array.from({ length: [...pairs].length / 2 }, (_, index) => {
    const chars = [...pairs];
    return [chars[2 * index]!, chars[2 * index + 1]!] as const;
  }),
);

/** The normalized form of one code point: NFKC, lower case, traditional folded to simplified. */
export function normalizeChar(char: string): string {
  const nfkc = char.normalize('NFKC').toLowerCase();
  let out = '';
  for (const c of nfkc) out += foldTable.get(c) ?? c;
  return out;
}

const punctuation = /^\p{P}$/u;

export interface NormalizedText {
  /** The normalized text; runs of white space become one space. */
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original string of the code point it came from. */
  origin: number[];
}

/** Each code point's normalized form, computed once: NFKC per character is the costly part of a search. */
const memo = new Map<string, string>();
function normalizeUnit(char: string): string {
  let normal = memo.get(char);
  if (normal === undefined) {
    normal = /\s/.test(char) ? ' ' : punctuation.test(char) ? '' : normalizeChar(char);
    memo.set(char, normal);
  }
  return normal;
}
/** The same for the Basic Multilingual Plane, by code unit: an array index instead of a map lookup. */
const bmp: (string | undefined)[] = [];

/** Normalize a text code point by code point, remembering where each output unit came from. */
export function normalizeWithMap(source: string): NormalizedText {
  let text = '';
  const origin: number[] = [];
  let afterSpace = false;
  for (let index = 0; index < source.length; ) {
    const code = source.charCodeAt(index);
    // A surrogate pair is one code point of two units; a lone surrogate stands for itself.
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < source.length && (source.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    let normal = width === 1 ? bmp[code] : undefined;
    if (normal === undefined) {
      normal = normalizeUnit(source.slice(index, index + width));
      if (width === 1) bmp[code] = normal;
    }
    if (normal === ' ') {
      if (!afterSpace) {
        text += ' ';
        origin.push(index);
        afterSpace = true;
      }
    } else if (normal.length > 0) {
      text += normal;
      for (let unit = 0; unit < normal.length; unit++) origin.push(index);
      afterSpace = normal.endsWith(' ');
    }
    index += width;
  }
  return { text, origin };
}

/** Normalize a text (see normalizeWithMap). */
export function normalize(source: string): string {
  return normalizeWithMap(source).text;
}

/** A query's parts: normalized, split at white space, empty parts and duplicates dropped. */
export function queryParts(query: string): string[] {
  return [...new Set(normalize(query).split(' ').filter((part) => part.length > 0))];
}
