// The calculator's labels for what every loan result shows: the annualized rates of PBoC announcement [2021] No. 3
// (the simple form must be named as such), the all-in cost, maturity and prepayment totals, and the schedule's rate,
// days and prepayment columns. Part of the calculator's namespace (spread into calculator.ts).
import type { Locale } from '../../contract/index.js';

const zhCN = {
  prepaymentsTitle: '提前还款',
  prepaymentFees: '提前还款违约金',
  maturity: '结清日期',
  periodOf: (period: number, date: string) => `第 ${period} 期（${date}）`,
  rateChangesTitle: '利率调整',
  rateColumn: '执行年利率',
  daysColumn: '计息天数',
  prepaymentColumn: '提前还款',
  prepaymentFeeColumn: '违约金',
  annualizedSimple: '年化利率（IRR 法，单利）',
  annualizedSimpleNote: '按中国人民银行公告〔2021〕第 3 号以内部收益率法计算：每期内部收益率 × 每年期数（单利形式），计入银行收取的手续费和提前还款违约金。',
  effectiveCompound: '年化利率（IRR 法，复利）',
  effectiveCompoundNote: '同一内部收益率按复利折算：(1 + 每期内部收益率)^每年期数 − 1。',
  allInCost: '综合融资成本（含担保费、扣除贴息，单利）',
  allInCostNote: '在单利年化利率的现金流中再计入全部担保费、扣除实际拨付的贴息。',
};
export type CalculatorRateMessages = typeof zhCN;

const zhTW: CalculatorRateMessages = {
  prepaymentsTitle: '提前還款',
  prepaymentFees: '提前還款違約金',
  maturity: '結清日期',
  periodOf: (period, date) => `第 ${period} 期（${date}）`,
  rateChangesTitle: '利率調整',
  rateColumn: '執行年利率',
  daysColumn: '計息天數',
  prepaymentColumn: '提前還款',
  prepaymentFeeColumn: '違約金',
  annualizedSimple: '年化利率（IRR 法，單利）',
  annualizedSimpleNote: '按中國人民銀行公告〔2021〕第 3 號以內部報酬率法計算：每期內部報酬率 × 每年期數（單利形式），計入銀行收取的手續費和提前還款違約金。',
  effectiveCompound: '年化利率（IRR 法，複利）',
  effectiveCompoundNote: '同一內部報酬率按複利折算：(1 + 每期內部報酬率)^每年期數 − 1。',
  allInCost: '綜合融資成本（含保證費、扣除貼息，單利）',
  allInCostNote: '在單利年化利率的現金流中再計入全部保證費、扣除實際撥付的貼息。',
};

const en: CalculatorRateMessages = {
  prepaymentsTitle: 'Prepayments',
  prepaymentFees: 'Prepayment fees',
  maturity: 'Paid off on',
  periodOf: (period, date) => `Payment ${period} (${date})`,
  rateChangesTitle: 'Rate changes',
  rateColumn: 'Annual rate',
  daysColumn: 'Days',
  prepaymentColumn: 'Prepayment',
  prepaymentFeeColumn: 'Prepayment fee',
  annualizedSimple: 'Annualized rate (IRR method, simple)',
  annualizedSimpleNote: "PBoC announcement [2021] No. 3, IRR method: the per-period IRR times periods a year (the simple form), with the lender's fees and prepayment fees.",
  effectiveCompound: 'Annualized rate (IRR method, compound)',
  effectiveCompoundNote: 'The same IRR compounded: (1 + per-period IRR)^(periods a year) − 1.',
  allInCost: 'All-in cost (with guarantee fees, less subsidies; simple)',
  allInCostNote: 'The simple annualized rate of the flows that also pay every guarantee fee and receive every subsidy paid out.',
};

export const calculatorRateMessages: Record<Locale, CalculatorRateMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
