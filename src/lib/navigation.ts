/** The main navigation: one entry per thing a visitor comes for. */
export const mainNavigation = [
  { label: '工作要点', path: '/workplans/', hint: '各区县年度督导工作要点与实施方案' },
  { label: '督导手册', path: '/handbooks/', hint: '面向学校、责任督学和督导部门的工作指南' },
  { label: '指标体系', path: '/frameworks/', hint: '督导评估指标、标准与佐证材料' },
  { label: '学校自评', path: '/self-check/', hint: '在浏览器中对照指标自评，数据不离开本机' },
] as const;
