// 简体中文 (the reference table: the other locales must have exactly these keys).
export const zhCN = {
  common: {
    colon: '：',
    loading: '正在加载…',
    retry: '重试',
    source: '政策依据',
    issuer: '发布机构',
    validFrom: '起始日期',
    validUntil: '截止日期',
    catalogVersion: '目录版本',
    asOf: '查询日期',
  },
  errors: {
    notImplemented: '此数据源暂不提供该项服务。',
    network: '无法连接服务器，请检查网络后重试。',
    notFound: '未找到请求的内容。',
    invalid: '输入有误：',
    badAnswer: '服务器返回的数据不符合接口约定，已停止显示。',
    server: '服务器出错，请稍后重试',
    cancelled: '请求已取消。',
    unexpected: '发生意外错误，请稍后重试。',
  },
  kinds: {
    loan: '贷款', bond: '债券', insurance: '保险', equity: '股权投资', guarantee: '融资担保', subsidy: '补贴', incubation: '孵化加速',
  },
  levels: { national: '国家级', regional: '区域级', local: '地方级', cluster: '集聚区' },
  checker: {
    title: '政策匹配',
    intro: '以下是当前有效的支持政策。回答几个问题，即可了解您的企业可以申请哪些项目。',
    programsInForce: (n: number) => `当前有效的项目：${n} 项`,
    empty: '当前没有有效的项目。',
  },
  calculator: {
    title: '融资测算',
    lprTitle: '贷款市场报价利率（LPR）',
    lprOneYear: '1 年期 LPR',
    lprFiveYear: '5 年期以上 LPR',
    lprDate: (date: string) => `${date} 公布`,
    presetsTitle: '可测算的融资项目',
    presetTerm: (months: number) => `期限 ${months} 个月`,
    presetRate: (tenor: string, bps: number) => `${tenor === '1y' ? '1 年期' : '5 年期以上'} LPR ${bps >= 0 ? '+' : '−'} ${Math.abs(bps)} 个基点`,
    presetFixed: (rate: string) => `固定年利率 ${rate}`,
  },
  map: {
    title: '孵化器与加速器地图',
    legend: '图例',
    notice: '此数据源暂不提供孵化器目录。',
    schematic: '示意图',
  },
};
export type Messages = typeof zhCN;
