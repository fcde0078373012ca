// 繁體中文
import type { Messages } from './zh-CN.js';

export const zhTW: Messages = {
  common: {
    colon: '：',
    loading: '正在載入…',
    retry: '重試',
    source: '政策依據',
    issuer: '發布機構',
    validFrom: '起始日期',
    validUntil: '截止日期',
    catalogVersion: '目錄版本',
    asOf: '查詢日期',
  },
  errors: {
    notImplemented: '此資料來源暫不提供該項服務。',
    network: '無法連線伺服器，請檢查網路後重試。',
    notFound: '找不到請求的內容。',
    invalid: '輸入有誤：',
    badAnswer: '伺服器回傳的資料不符合介面約定，已停止顯示。',
    server: '伺服器出錯，請稍後重試',
    cancelled: '請求已取消。',
    unexpected: '發生意外錯誤，請稍後重試。',
  },
  kinds: {
    loan: '貸款', bond: '債券', insurance: '保險', equity: '股權投資', guarantee: '融資擔保', subsidy: '補貼', incubation: '孵化加速',
  },
  levels: { national: '國家級', regional: '區域級', local: '地方級', cluster: '集聚區' },
  checker: {
    title: '政策匹配',
    intro: '以下是目前有效的支持政策。回答幾個問題，即可了解您的企業可以申請哪些項目。',
    programsInForce: (n) => `目前有效的項目：${n} 項`,
    empty: '目前沒有有效的項目。',
  },
  calculator: {
    title: '融資試算',
    lprTitle: '貸款市場報價利率（LPR）',
    lprOneYear: '1 年期 LPR',
    lprFiveYear: '5 年期以上 LPR',
    lprDate: (date) => `${date} 公布`,
    presetsTitle: '可試算的融資項目',
    presetTerm: (months) => `期限 ${months} 個月`,
    presetRate: (tenor, bps) => `${tenor === '1y' ? '1 年期' : '5 年期以上'} LPR ${bps >= 0 ? '+' : '−'} ${Math.abs(bps)} 個基點`,
    presetFixed: (rate) => `固定年利率 ${rate}`,
  },
  map: {
    title: '孵化器與加速器地圖',
    legend: '圖例',
    notice: '此資料來源暫不提供孵化器名錄。',
    schematic: '示意圖',
  },
};
