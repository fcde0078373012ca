// The demo portal's own chrome: its locale switch and its data-source switch. The widgets follow the page's
// `lang` by themselves; the data source is the `endpoint` of <chanrong-services>.
import { V2_EXAMPLE } from './v2-example.js';

const TEXT = {
  'zh-CN': {
    theme: '主题', themeGov: '政务蓝', themeBank: '银行红', themeDark: '深色', pages: '单独页面：',
    skip: '跳到主要内容', site: '滨海市科技金融服务平台', tagline: '政策、资本与孵化载体，一站直达（演示站点，城市为虚构）',
    language: '语言', useApi: '使用参考服务器 API（/v1）', navEligibility: '政策匹配', navFinancing: '融资测算', navMap: '孵化载体地图',
    footer: '本页为 Chanrong 产融组件演示。政策内容来自公开政策文件，仅供参考，以主管部门正式文件为准。',
    local: '数据来源：内置数据（离线）', remote: (u) => `数据来源：参考服务器 ${u}`,
    v2Intro: '银行合同常按年重定价 LPR，也常有提前还款：', v2Example: '示例：LPR 下行情景与提前还款',
  },
  'zh-TW': {
    theme: '主題', themeGov: '政務藍', themeBank: '銀行紅', themeDark: '深色', pages: '單獨頁面：',
    skip: '跳到主要內容', site: '濱海市科技金融服務平台', tagline: '政策、資本與孵化載體，一站直達（示範網站，城市為虛構）',
    language: '語言', useApi: '使用參考伺服器 API（/v1）', navEligibility: '政策匹配', navFinancing: '融資試算', navMap: '孵化載體地圖',
    footer: '本頁為 Chanrong 產融元件示範。政策內容來自公開政策文件，僅供參考，以主管機關正式文件為準。',
    local: '資料來源：內建資料（離線）', remote: (u) => `資料來源：參考伺服器 ${u}`,
    v2Intro: '銀行合約常按年重定價 LPR，也常有提前還款：', v2Example: '範例：LPR 下行情境與提前還款',
  },
  en: {
    theme: 'Theme', themeGov: 'Government blue', themeBank: 'Bank red', themeDark: 'Dark', pages: 'Single-widget pages:',
    skip: 'Skip to main content', site: 'Binhai City Tech-Finance Services', tagline: 'Policy, capital and incubators in one place (a demo; the city is fictional)',
    language: 'Language', useApi: 'Use the reference server API (/v1)', navEligibility: 'Programs', navFinancing: 'Financing', navMap: 'Incubator map',
    footer: 'A demo of the Chanrong widgets. Policy content comes from public documents, for reference only; the authorities’ official texts prevail.',
    local: 'Data source: bundled data (offline)', remote: (u) => `Data source: reference server ${u}`,
    v2Intro: 'Bank contracts often reprice on the LPR every year and allow prepayments:', v2Example: 'Example: a falling LPR and a prepayment',
  },
};

const localeSelect = document.getElementById('locale');
const useApi = document.getElementById('use-api');
const services = document.getElementById('services');
const status = document.getElementById('source-status');

function applyLocale(locale) {
  document.documentElement.lang = locale;
  const t = TEXT[locale];
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
  document.title = `${t.site} · Chanrong`;
  applySource();
}

function applySource() {
  const t = TEXT[document.documentElement.lang] ?? TEXT['zh-CN'];
  if (useApi.checked) {
    services.setAttribute('endpoint', location.origin);
    status.textContent = t.remote(location.origin);
  } else {
    services.removeAttribute('endpoint');
    status.textContent = t.local;
  }
}

// Portal themes: the widgets take the portal's colours through their documented custom properties.
const themeSelect = document.getElementById('theme');
function applyTheme(theme) {
  document.body.dataset.theme = theme;
  for (const el of document.querySelectorAll('chanrong-eligibility-checker, chanrong-financing-calculator, chanrong-incubator-map')) {
    if (theme === 'dark') el.setAttribute('theme', 'dark');
    else el.removeAttribute('theme');
  }
}

document.getElementById('v2-example').addEventListener('click', () => {
  document.querySelector('chanrong-financing-calculator').request = structuredClone(V2_EXAMPLE);
});

const params = new URLSearchParams(location.search);
localeSelect.value = TEXT[params.get('lang')] ? params.get('lang') : 'zh-CN';
useApi.checked = params.get('source') === 'api';
localeSelect.addEventListener('change', () => applyLocale(localeSelect.value));
useApi.addEventListener('change', applySource);
themeSelect.value = ['gov', 'bank', 'dark'].includes(params.get('theme')) ? params.get('theme') : 'gov';
themeSelect.addEventListener('change', () => applyTheme(themeSelect.value));
applyTheme(themeSelect.value);
applyLocale(localeSelect.value);
