// English
import type { Messages } from './zh-CN.js';

export const en: Messages = {
  common: {
    colon: ': ',
    loading: 'Loading…',
    retry: 'Try again',
    source: 'Policy source',
    issuer: 'Issued by',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    catalogVersion: 'Catalog version',
    asOf: 'As of',
  },
  errors: {
    notImplemented: 'This data source does not offer this service yet.',
    network: 'The server could not be reached. Check the connection and try again.',
    notFound: 'Nothing was found.',
    invalid: 'Invalid input:',
    badAnswer: 'The server sent data that breaks the contract, so it is not shown.',
    server: 'The server failed; please try again later',
    cancelled: 'The request was cancelled.',
    unexpected: 'Something unexpected went wrong; please try again later.',
  },
  kinds: {
    loan: 'Loan', bond: 'Bond', insurance: 'Insurance', equity: 'Equity', guarantee: 'Guarantee', subsidy: 'Subsidy', incubation: 'Incubation',
  },
  levels: { national: 'National', regional: 'Regional', local: 'Local', cluster: 'Cluster' },
  checker: {
    title: 'Find support programs',
    intro: 'These support programs are in force. Answer a few questions to learn which ones your enterprise can apply for.',
    programsInForce: (n) => `${n} program${n === 1 ? '' : 's'} in force`,
    empty: 'No program is in force.',
  },
  calculator: {
    title: 'Financing calculator',
    lprTitle: 'Loan Prime Rate (LPR)',
    lprOneYear: '1-year LPR',
    lprFiveYear: 'Over-5-year LPR',
    lprDate: (date) => `published ${date}`,
    presetsTitle: 'Financing programs you can price',
    presetTerm: (months) => `${months}-month term`,
    presetRate: (tenor, bps) => `${tenor === '1y' ? '1-year' : 'over-5-year'} LPR ${bps >= 0 ? '+' : '−'} ${Math.abs(bps)} bp`,
    presetFixed: (rate) => `fixed ${rate} a year`,
  },
  map: {
    title: 'Incubators and accelerators',
    legend: 'Legend',
    notice: 'This data source does not offer the incubator directory yet.',
    schematic: 'Schematic map',
  },
};
