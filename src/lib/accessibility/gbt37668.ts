// How the portal meets the level-1 (一级) items of GB/T 37668-2019《信息技术 互联网内容无障碍可访问性
// 技术要求与测试方法》, shown on /about/. The standard groups its requirements under four principles;
// item wording here is a summary, not a quotation, and anything not checked against the text says 待核对.

export interface ConformanceItem {
  /** The principle the item belongs to. */
  principle: '可感知' | '可操作' | '可理解' | '兼容';
  /** The requirement, summarised in plain words. */
  requirement: string;
  /** What the portal does to meet it. */
  howMet: string;
  /** How it is checked (automated tests named by folder, or by hand). */
  howTested: string;
}

/** Source note printed under the table. */
export const conformanceSource =
  '依据 GB/T 37668-2019 的四项原则（可感知、可操作、可理解、兼容）概括整理；各条对应的条款编号及其一级、二级归属待核对，请以标准原文为准。';

/** The items, in the standard's order of principles. */
export const conformanceItems: ConformanceItem[] = [
  {
    principle: '可感知',
    requirement: '非文本内容有文字替代',
    howMet: '图标仅作装饰并对读屏软件隐藏，所有信息都以文字写出；站点不用图片承载文字。',
    howTested: '浏览器测试中的 axe 检查（每类页面、三种字号）',
  },
  {
    principle: '可感知',
    requirement: '信息和结构可被程序识别（标题、列表、表格表头、表单标签）',
    howMet: '使用语义化标题、列表和带表头的表格；每个输入框都有可见标签，成组选项用 fieldset 和 legend。',
    howTested: 'axe 检查；浏览器测试按标签和角色查找元素',
  },
  {
    principle: '可感知',
    requirement: '不单独用颜色传递信息',
    howMet: '自评结果和区县表格中的绿、黄、红以及达标、未达标都同时写出文字，选中的字号另加“✓”。',
    howTested: '浏览器测试按文字核对结果；人工检查',
  },
  {
    principle: '可感知',
    requirement: '文字与背景有足够对比度（不低于 4.5:1；是否属一级待核对）',
    howMet: '浅色和深色配色的全部文字颜色按 4.5:1 以上选定。',
    howTested: 'axe 对比度规则，浅色、深色两种配色和三种字号',
  },
  {
    principle: '可感知',
    requirement: '文字可放大，放大后内容不丢失、不需横向滚动（是否属一级待核对）',
    howMet: '页头提供“标准、大、特大”三档字号（正文 16、24、40 像素），记在本机；窄屏下版面自动重排，宽表格在自身框内滚动。未启用 JavaScript 时请使用浏览器缩放。',
    howTested: '浏览器测试：360 像素和 320 像素宽度下三种字号都无横向滚动，控件不小于 44×44 像素（特大 60×60）',
  },
  {
    principle: '可操作',
    requirement: '全部功能可用键盘操作，且没有键盘陷阱',
    howMet: '只使用原生链接、按钮和表单控件；焦点有清晰可见的轮廓。',
    howTested: '浏览器测试用键盘完成导航和自评',
  },
  {
    principle: '可操作',
    requirement: '可跳过重复内容',
    howMet: '每页第一个可聚焦元素是“跳到正文”链接。',
    howTested: '浏览器测试（首页键盘测试）',
  },
  {
    principle: '可操作',
    requirement: '页面有说明主题的标题，链接目的清楚',
    howMet: '每页标题写明页面内容和站名；链接文字说明去向。',
    howTested: '构建产物测试检查每页标题；axe 检查链接名称',
  },
  {
    principle: '可操作',
    requirement: '不设时间限制，不含闪烁内容',
    howMet: '站点没有计时、自动刷新或闪烁内容；有新版本时只提示，由用户决定何时重新加载。',
    howTested: '人工检查；离线浏览器测试确认不自动重新加载',
  },
  {
    principle: '可理解',
    requirement: '页面语言可被程序识别',
    howMet: '每页声明 lang="zh-CN"。',
    howTested: '构建产物测试',
  },
  {
    principle: '可理解',
    requirement: '导航一致，操作结果可预期',
    howMet: '所有页面使用同一页头、导航和页脚；选择字号或填写表单不会跳转页面。',
    howTested: '构建产物测试；浏览器测试',
  },
  {
    principle: '可理解',
    requirement: '输入有标签和说明，出错时指出错误并给出建议',
    howMet: '按 GOV.UK 设计规范：提示在标签下方，出错时页顶列出错误摘要并链接到对应字段，字段旁写明原因。',
    howTested: '浏览器测试（学校自评）',
  },
  {
    principle: '兼容',
    requirement: '代码可被浏览器和辅助技术正确解析，控件的名称、角色和状态可被程序识别',
    howMet: '使用标准 HTML 元素；切换按钮用 aria-pressed 表示状态；动态提示放在 role="status" 区域。',
    howTested: 'axe 检查；浏览器测试按角色和名称操作',
  },
];
